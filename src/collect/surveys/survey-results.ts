// Results of one survey: responses, completion and response rates, NPS/CSAT/CES with confidence
// intervals, the distribution of every question, and the open-text answers with their analysis.
import { count, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { pgArray } from '../../platform/db/pg-array.js';
import { isScoreType } from '../../contracts/survey-definition.js';
import { feedbackItems } from '../feedback/feedback.tables.js';
import { surveyResponses, surveySends } from './surveys.tables.js';
import { getSurvey } from './surveys.service.js';
import { csatSummary, meanSummary, npsSummary, wilsonPercent } from './survey-stats.js';

const LATEST_TEXTS = 50;

/** `feedbackText: false` leaves the open-text answers' text out (null): see readsFeedbackText. */
export async function surveyResults(scope: WorkspaceScope, surveyId: string, { feedbackText }: { feedbackText: boolean }) {
  const survey = await getSurvey(scope, surveyId);
  const questions = survey.definition.questions;
  const byStatus = await scope.db
    .select({ status: surveyResponses.status, channel: surveyResponses.channel, n: count() })
    .from(surveyResponses)
    .where(scope.where(surveyResponses, eq(surveyResponses.surveyId, surveyId)))
    .groupBy(surveyResponses.status, surveyResponses.channel);
  const started = byStatus.reduce((s, r) => s + r.n, 0);
  const completed = byStatus.filter((r) => r.status === 'completed').reduce((s, r) => s + r.n, 0);
  // Where responses were started: link, email or widget (their feedback items' channel is
  // `widget` for the widget, `survey` for the others).
  const byChannel: Record<string, number> = {};
  for (const r of byStatus) byChannel[r.channel] = (byChannel[r.channel] ?? 0) + r.n;
  const sends = await scope.db
    .select({ status: surveySends.status, n: count() })
    .from(surveySends)
    .where(scope.where(surveySends, eq(surveySends.surveyId, surveyId)))
    .groupBy(surveySends.status);
  const delivered = sends.find((s) => s.status === 'sent')?.n ?? 0;
  const [{ emailResponses }] = await scope.db
    .select({ emailResponses: count() })
    .from(surveyResponses)
    .where(scope.where(surveyResponses, eq(surveyResponses.surveyId, surveyId), eq(surveyResponses.channel, 'email')));

  // Counts per (question, value); a multiple-choice answer counts once per chosen option.
  const counted = questions.filter((q) => q.type !== 'text').map((q) => q.id);
  const rows =
    counted.length === 0
      ? []
      : await scope.database.rows<{ question_id: string; value: unknown; n: number }>(sql`
    select a.question_id, e.value, count(*)::int as n
    from survey_answers a
    cross join lateral jsonb_array_elements(case when jsonb_typeof(a.value) = 'array' then a.value else jsonb_build_array(a.value) end) as e(value)
    where a.workspace_id = ${scope.workspaceId} and a.survey_id = ${surveyId} and a.value is not null
      and a.question_id = any(${pgArray(counted)}::text[])
    group by a.question_id, e.value`);
  const textCounts = await scope.database.rows<{ question_id: string; n: number }>(sql`
    select question_id, count(*)::int as n from survey_answers
    where workspace_id = ${scope.workspaceId} and survey_id = ${surveyId} and jsonb_typeof(value) = 'string'
      and question_id = any(${pgArray(questions.filter((q) => q.type === 'text').map((q) => q.id))}::text[])
    group by question_id`);

  const perQuestion = questions.map((q) => {
    const mine = rows.filter((r) => r.question_id === q.id);
    const distribution = Object.fromEntries(mine.map((r) => [String(r.value), r.n]));
    const numeric = new Map(mine.filter((r) => typeof r.value === 'number').map((r) => [r.value as number, r.n]));
    const base = { id: q.id, type: q.type, title: q.title, answers: mine.reduce((s, r) => s + r.n, 0), distribution };
    if (q.type === 'nps') return { ...base, nps: npsSummary(numeric) };
    if (q.type === 'csat') return { ...base, csat: csatSummary(numeric) };
    if (isScoreType(q.type)) return { ...base, mean: meanSummary(numeric) };
    if (q.type === 'yes_no')
      return { ...base, yesShare: wilsonPercent(distribution.true ?? 0, (distribution.true ?? 0) + (distribution.false ?? 0)) };
    if (q.type === 'text') return { ...base, answers: textCounts.find((r) => r.question_id === q.id)?.n ?? 0 };
    return base;
  });

  // Open-text answers live in feedback items (with their analysis); newest first.
  const textItems = await scope.db
    .select({
      id: feedbackItems.id,
      text: feedbackText ? feedbackItems.text : sql<null>`null`,
      language: feedbackItems.language,
      sentiment: feedbackItems.sentiment,
      sentimentScore: feedbackItems.sentimentScore,
      type: feedbackItems.feedbackType,
      topics: feedbackItems.topics,
      nps: feedbackItems.nps,
      csat: feedbackItems.csat,
      ces: feedbackItems.ces,
      rating: feedbackItems.rating,
      questionId: sql<string>`${feedbackItems.metadata}->>'question_id'`,
      createdAt: feedbackItems.createdAt,
      status: feedbackItems.status,
    })
    .from(feedbackItems)
    .innerJoin(surveyResponses, eq(surveyResponses.id, feedbackItems.surveyResponseId))
    .where(scope.where(feedbackItems, eq(surveyResponses.surveyId, surveyId), ne(feedbackItems.text, '')))
    .orderBy(desc(feedbackItems.createdAt), desc(feedbackItems.id))
    .limit(LATEST_TEXTS);
  const sentiments = await scope.db
    .select({ sentiment: feedbackItems.sentiment, n: count() })
    .from(feedbackItems)
    .innerJoin(surveyResponses, eq(surveyResponses.id, feedbackItems.surveyResponseId))
    .where(
      scope.where(feedbackItems, eq(surveyResponses.surveyId, surveyId), ne(feedbackItems.text, ''), isNotNull(feedbackItems.sentiment)),
    )
    .groupBy(feedbackItems.sentiment);

  return {
    survey: { id: survey.id, name: survey.name, names: survey.names, status: survey.status, version: survey.version },
    responses: {
      started,
      completed,
      partial: started - completed,
      byChannel,
      completionRate: started ? Math.round((1000 * completed) / started) / 10 : null,
    },
    email: {
      sent: delivered,
      ...Object.fromEntries(sends.filter((s) => s.status !== 'sent').map((s) => [s.status, s.n])),
      responses: emailResponses,
      responseRate: delivered ? Math.round((1000 * emailResponses) / delivered) / 10 : null,
    },
    questions: perQuestion,
    openText: {
      answers: textCounts.reduce((sum, r) => sum + r.n, 0),
      sentiment: Object.fromEntries(sentiments.map((s) => [s.sentiment!, s.n])),
      latest: textItems,
    },
  };
}
