// What each rollup dimension's key is, as SQL over feedback_items: the rebuild groups by it and
// the reader's fallback (filters across dimensions) filters by it. Items without a value (not
// analysed yet, no product) are left out of that dimension but counted in `all`.
import { sql, type SQL } from 'drizzle-orm';
import type { FeedbackDimension } from '../../contracts/metrics.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';

export type RollupDimension = 'all' | FeedbackDimension;

const f = feedbackItems;

/** The key of an item in a dimension; `topic` is a set (an item counts once under each of its topics). */
export const DIMENSION_KEYS: Record<Exclude<RollupDimension, 'all' | 'topic'>, SQL> = {
  channel: sql`${f.channel}`,
  type: sql`${f.feedbackType}`,
  language: sql`${f.language}`,
  sentiment: sql`${f.sentiment}`,
  product: sql`nullif(${f.metadata} ->> 'product', '')`,
  agent: sql`${f.assigneeId}::text`,
  // The item's own unit: a unit's figures are the sum over its subtree (service-units/unit-tree.ts).
  service_unit: sql`${f.serviceUnitId}::text`,
};

/** Dimensions the rollups hold. */
export const ROLLUP_DIMENSIONS = [
  'all',
  'channel',
  'type',
  'topic',
  'language',
  'sentiment',
  'product',
  'agent',
  'service_unit',
] as const satisfies readonly RollupDimension[];

/** Whether an item has `keys` (one of them) in a dimension. */
export function itemInKeys(dimension: Exclude<RollupDimension, 'all'>, keys: string[]): SQL {
  const list = sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  );
  if (dimension === 'topic') return sql`${f.topics} && array[${list}]::text[]`;
  return sql`${DIMENSION_KEYS[dimension]} in (${list})`;
}
