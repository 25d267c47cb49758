// Gives workspaces created before the default keywords grew the new lists: a built-in topic
// whose keywords are still exactly one of the earlier default lists (never edited in that
// workspace) gets the current one. A topic someone edited keeps its keywords. Past feedback keeps its
// topics until the workspace re-analyses it. Run once as a data migration; safe to run again.
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { topics } from './topics.tables.js';
import { DEFAULT_TOPICS } from './default-taxonomy.js';

/** sha256 (first 16 hex digits) of each default topic's keywords as shipped before they grew, oldest first. */
export const PREVIOUS_DEFAULT_KEYWORDS: Readonly<Record<string, string | readonly string[]>> = {
  // the second fingerprint: before {amount} and the phrasings added with default-topic-keywords-3
  price: ['35071f186060828a', 'be56b9a998ec54a3'],
  delivery: ['d5163104ce827958', 'c20c57ba1d35e4b9'],
  support: ['2efc97c0e2015968', '1bee4fe1f0a77e40'],
  product_quality: 'fcc673768e1b5475',
  design_ux: '4403b76680c47e33',
  payment: '4eb905e9be2d5545',
  app_website: '7f75afb59ac04ff2',
  order: ['edd43306248678e4', '67d410a82b713d8c'],
  account: ['64d904a1875287a7', 'ea3c832c55e7f0b9'],
  packaging: '7b6668b128cacd53',
};

/** A fingerprint of a keyword map that does not depend on the order its languages are stored in. */
export function keywordsFingerprint(keywords: Partial<Record<string, string[]>>): string {
  const canonical = JSON.stringify(
    Object.keys(keywords)
      .sort()
      .map((lang) => [lang, keywords[lang]]),
  );
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** Returns how many topics were updated. */
export async function refreshDefaultKeywords(
  database: Database,
  previous: Readonly<Record<string, string | readonly string[]>> = PREVIOUS_DEFAULT_KEYWORDS,
): Promise<number> {
  let updated = 0;
  for (const topic of DEFAULT_TOPICS) {
    const rows = await database.db
      .select({ id: topics.id, keywords: topics.keywords })
      .from(topics)
      .where(and(eq(topics.key, topic.key), eq(topics.builtIn, true)));
    for (const row of rows) {
      const earlier = previous[topic.key] ?? [];
      if (!(typeof earlier === 'string' ? [earlier] : earlier).includes(keywordsFingerprint(row.keywords))) continue;
      await database.db.update(topics).set({ keywords: topic.keywords, updatedAt: sql`now()` }).where(eq(topics.id, row.id));
      updated++;
    }
  }
  return updated;
}
