// Survey answers → feedback items, so they flow through analysis and automation like every other
// channel: channel `widget` for answers given in the website widget (like all that comes through
// it), `survey` for the link page and email; either way linked to the response, with the survey,
// version and question in the metadata. A score question and its text follow-up form ONE item (score + comment:
// customers give them as one answer, and NPS/CSAT counts must not see the score twice); any other
// open-text question is its own item. Choice and yes/no answers stay in the response.
import { eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { piiRedactionEnabled } from '../../platform/workspace/workspace-settings.service.js';
import { enqueueAnalysis, storedContent, storeFeedback } from '../feedback/store-feedback.js';
import type { TCreateFeedbackInput } from '../feedback/feedback.input.js';
import { isScoreType, type Question, type SurveyDefinition } from '../../contracts/survey-definition.js';
import { feedbackItems } from '../feedback/feedback.tables.js';
import { followUpParent, type Answers } from './survey-flow.js';

export interface AnswerContext {
  survey: { id: string; name: string };
  version: number;
  definition: SurveyDefinition;
  response: { id: string; customerId: string | null; channel: string; language: string; hidden: Record<string, string> };
  answers: Answers;
  /** question id → feedback item id, for the items this response already has */
  items: Map<string, string>;
  /** More metadata for the items (the widget: how the respondent was identified). */
  itemMetadata?: Record<string, unknown>;
}

/** The question whose feedback item an answer to `question` belongs to, or null if none. */
export function feedbackOwner(def: SurveyDefinition, question: Question): Question | null {
  if (isScoreType(question.type)) return question;
  if (question.type !== 'text') return null;
  return followUpParent(def, question) ?? question;
}

/** What the feedback item of `owner` holds given the answers so far; null when there is nothing to store. */
function feedbackContent(ctx: AnswerContext, owner: Question) {
  const { definition: def, answers, response } = ctx;
  const score = isScoreType(owner.type) && typeof answers[owner.id] === 'number' ? (answers[owner.id] as number) : null;
  const textOf = (q: Question) => (typeof answers[q.id] === 'string' ? (answers[q.id] as string) : '');
  const text = isScoreType(owner.type)
    ? (def.questions
        .filter((q) => followUpParent(def, q)?.id === owner.id)
        .map(textOf)
        .find(Boolean) ?? '')
    : textOf(owner);
  if (score === null && !text) return null;
  const metadata = {
    ...ctx.itemMetadata,
    survey_id: ctx.survey.id,
    survey_name: ctx.survey.name,
    survey_version: ctx.version,
    question_id: owner.id,
    question_type: owner.type,
    ...(Object.keys(response.hidden).length ? { hidden: response.hidden } : {}),
  };
  const scoreField = isScoreType(owner.type) ? { [owner.type]: score } : {};
  // A score without words is in the respondent's language; words are detected like any text.
  const language = text ? undefined : response.language;
  return { text, metadata, scoreField, language };
}

/** The new feedback item of `owner`, for storeFeedback (null when there is nothing to store). */
export function newFeedbackInput(ctx: AnswerContext, owner: Question): TCreateFeedbackInput | null {
  const content = feedbackContent(ctx, owner);
  if (!content) return null;
  const { response } = ctx;
  return {
    channel: response.channel === 'widget' ? 'widget' : 'survey',
    text: content.text,
    customerId: response.customerId ?? undefined,
    externalId: `survey:${response.id}:${owner.id}`,
    language: content.language,
    metadata: content.metadata,
    links: { surveyResponseId: response.id },
    ...content.scoreField,
  } as TCreateFeedbackInput;
}

/** Creates or updates the feedback item of `owner`; returns its id (null when there is nothing to store). */
export async function syncAnswerFeedback(scope: WorkspaceScope, tx: Tx, ctx: AnswerContext, owner: Question): Promise<string | null> {
  const existing = ctx.items.get(owner.id);
  if (!existing) {
    const item = newFeedbackInput(ctx, owner);
    if (!item) return null;
    const [result] = await storeFeedback(scope, tx, [item]);
    if (!result.ok) throw new Error(`survey answer not stored: ${result.message}`);
    ctx.items.set(owner.id, result.id);
    return result.id;
  }
  const content = feedbackContent(ctx, owner);
  if (!content) return null;
  const { text, metadata, scoreField, language } = content;
  const stored = storedContent(await piiRedactionEnabled(tx, scope.workspaceId), text, metadata);
  await tx
    .update(feedbackItems)
    .set({
      // The old search document no longer matches the text; the analysis queued below writes the new one.
      ...stored,
      searchText: null,
      ...scoreField,
      language: language ?? null,
      languageConfidence: language ? 1 : null,
      status: 'pending',
      updatedAt: new Date(),
    })
    .where(scope.where(feedbackItems, eq(feedbackItems.id, existing)));
  await enqueueAnalysis(tx, scope.workspaceId, [existing]);
  return existing;
}
