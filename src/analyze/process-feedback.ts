// The analysis job: runs for every new feedback item (enqueued with it, in its transaction).
// Today it detects the language; the original text is never modified.
import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../platform/db/client.js';
import { WorkspaceScope } from '../platform/db/workspace-scope.js';
import { feedbackItems } from '../collect/schema.js';
import { detectLanguage } from './detect-language.js';
import { pgArray } from '../platform/db/pg-array.js';

export async function processFeedback(database: Database, payload: Record<string, unknown>): Promise<void> {
  const scope = new WorkspaceScope(database, String(payload.workspaceId));
  const ids = (payload.ids as string[]) ?? [];
  if (ids.length === 0) return;
  const items = await scope.db.select({ id: feedbackItems.id, text: feedbackItems.text, language: feedbackItems.language, languageConfidence: feedbackItems.languageConfidence })
    .from(feedbackItems).where(scope.where(feedbackItems, inArray(feedbackItems.id, ids)));
  if (items.length === 0) return;
  const languages: Array<string | null> = [];
  const confidences: Array<number | null> = [];
  for (const item of items) {
    // A language given by the sender (confidence 1) is kept; otherwise detect it.
    if (item.language && item.languageConfidence === 1) {
      languages.push(item.language);
      confidences.push(1);
    } else if (item.text.trim() === '') {
      languages.push('und'); // a score-only answer: no language to detect, same as undetectable text
      confidences.push(0);
    } else {
      const detected = detectLanguage(item.text);
      languages.push(detected.language);
      confidences.push(Math.round(detected.confidence * 1000) / 1000);
    }
  }
  // One statement for the whole batch (arrays unnested side by side).
  await scope.database.rows(sql`
    update feedback_items f set language = v.language, language_confidence = v.confidence,
      status = 'processed', processed_at = now(), updated_at = now()
    from (select unnest(${pgArray(items.map((i) => i.id))}::uuid[]) as id,
                 unnest(${pgArray(languages)}::text[]) as language,
                 unnest(${pgArray(confidences)}::real[]) as confidence) v
    where f.id = v.id and f.workspace_id = ${scope.workspaceId}`);
}
