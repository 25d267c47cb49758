/**
 * The fixed leave-domain-out grouping of the authored corpus shared by the cross-domain
 * evaluations (eval-cross.ts for sentiment and type, eval-topics.ts for topics): the domains,
 * sorted by name, form DOMAIN_GROUPS groups, domain i going to group i mod DOMAIN_GROUPS. Each
 * group is left out of one training and scored on.
 */
export const DOMAIN_GROUPS = 4;

/** Group of every domain (0 … DOMAIN_GROUPS − 1). */
export function domainGroups(domains: Iterable<string>): Map<string, number> {
  const sorted = [...new Set(domains)].sort();
  return new Map(sorted.map((d, i) => [d, i % DOMAIN_GROUPS]));
}
