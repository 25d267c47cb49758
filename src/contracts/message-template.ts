// The variables a message template may name ("سلام {{customer.name}}"): the server refuses a
// template naming any other, and the dashboard flags one as it is typed.
export const TEMPLATE_VARIABLES = [
  'customer.name',
  'customer.email',
  'order.id',
  'ticket.number',
  'ticket.subject',
  'agent.name',
  'workspace.name',
  'feedback.topics',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export const TEMPLATE_PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(TEMPLATE_VARIABLES);
export const isTemplateVariable = (name: string): name is TemplateVariable => KNOWN.has(name);

/** The variables a template names that do not exist, in order of first use. */
export function unknownTemplateVariables(template: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of template.matchAll(TEMPLATE_PLACEHOLDER)) if (!KNOWN.has(name)) unknown.add(name);
  return [...unknown];
}
