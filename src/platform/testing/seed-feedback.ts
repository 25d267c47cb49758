// Feedback items written straight into their table, for tests of what is computed from stored
// items (metrics, rollups, the overview), where ingest and analysis are not what is tested.
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import type { Database } from '../db/client.js';
import { newId } from '../ids.js';

type FeedbackRow = typeof feedbackItems.$inferInsert;
export type FeedbackSeed = Partial<FeedbackRow> & { createdAt: Date };

/** Inserts the items (an API item saying "x" unless `defaults` or the item say otherwise); returns their ids. */
export async function seedFeedback(
  database: Database,
  workspaceId: string,
  items: FeedbackSeed[],
  defaults: Partial<FeedbackRow> = {},
): Promise<string[]> {
  const rows = items.map((item) => ({ id: newId(), workspaceId, channel: 'api' as const, text: 'x', ...defaults, ...item }));
  await database.db.insert(feedbackItems).values(rows);
  return rows.map((row) => row.id);
}
