// The demo shop's surveys and their answers. Every NPS and CSAT score of the demo is a response
// to one of its live surveys, written through the respondent's own code path (the response, its
// answers and its feedback item), so survey results, the overview, the explorer's survey filter
// and customers' timelines all count the same answers. Email answers follow an email sent to the
// customer; a share of the emails is never answered, as in life.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { newId, randomToken, sha256 } from '../../platform/ids.js';
import {
  createSurvey,
  currentVersion,
  findSurvey,
  setSurveyStatus,
  updateSurvey,
  type SurveyRow,
  type VersionRow,
} from '../../collect/surveys/surveys.service.js';
import { createTrigger } from '../../collect/surveys/survey-triggers.js';
import { surveyResponses, surveySends, surveys, surveyTriggers } from '../../collect/surveys/surveys.tables.js';
import { personalResumeToken } from '../../collect/surveys/survey-links.js';
import { writeNewResponse } from '../../collect/surveys/respond-to-survey.js';
import { conditionHolds } from '../../collect/surveys/survey-flow.js';
import type { Question } from '../../contracts/survey-definition.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The live surveys were published before the demo's oldest answer (60 days back). */
export const DEMO_SURVEYS_PUBLISHED_DAYS_AGO = 63;

/** The widget survey of the demo shop (/demo/widget): after a purchase, or on the thank-you page. */
export const DEMO_WIDGET_SETTINGS = {
  enabled: true,
  display: 'until_answered',
  everyDays: 30,
  samplePercent: 100,
  segment: [],
  placement: 'slide_in',
  delaySeconds: 1,
  triggers: [
    { type: 'event', name: 'purchase' },
    { type: 'page_view', url: { match: 'contains', value: '/demo/widget/thank-you' } },
  ],
} as const;

// The ticket CSAT template asks only unhappy customers why; the demo also asks happy ones, so
// their comments stay with their score.
const CSAT_PRAISE: Question = {
  id: 'csat_praise',
  type: 'text',
  required: false,
  showIf: { question: 'csat', min: 4 },
  title: { en: 'What did we do well?', fa: 'چه کاری را خوب انجام دادیم؟', ar: 'ما الذي أحسنّا فعله؟', zh: '我们哪些地方做得好？' },
};

export interface DemoSurvey {
  survey: SurveyRow;
  version: VersionRow;
  scoreQuestion: Question;
}
export interface DemoSurveys {
  nps: DemoSurvey;
  csat: DemoSurvey;
  count: number;
}

async function loaded(scope: WorkspaceScope, id: string, scoreQuestionId: string): Promise<DemoSurvey> {
  const survey = await findSurvey(scope, id);
  const version = await currentVersion(scope, survey);
  return { survey, version, scoreQuestion: version.definition.questions.find((q) => q.id === scoreQuestionId)! };
}

/**
 * A live NPS survey (emailed three days after delivery, shown by the demo shop's widget), a live
 * CSAT survey sent when a ticket is resolved, and a draft to edit.
 */
export async function createDemoSurveys(scope: WorkspaceScope, now: Date): Promise<DemoSurveys> {
  const nps = await createSurvey(scope, {
    template: 'nps',
    settings: { widget: { ...DEMO_WIDGET_SETTINGS, triggers: [...DEMO_WIDGET_SETTINGS.triggers], segment: [] } },
  });
  await setSurveyStatus(scope, nps.id, 'live');
  await createTrigger(scope, nps.id, {
    eventName: 'order_delivered',
    delayMinutes: 3 * 1440,
    segment: [],
    quietHours: { start: '21:00', end: '09:00' },
    enabled: true,
  });
  const csat = await createSurvey(scope, { template: 'csat_after_ticket', settings: {} });
  await updateSurvey(scope, csat.id, { definition: { ...csat.definition, questions: [...csat.definition.questions, CSAT_PRAISE] } });
  await setSurveyStatus(scope, csat.id, 'live');
  await createTrigger(scope, csat.id, {
    eventName: 'ticket_resolved',
    delayMinutes: 60,
    segment: [],
    quietHours: { start: '21:00', end: '09:00' },
    enabled: true,
  });
  await createSurvey(scope, { template: 'ces', settings: {} });
  const published = new Date(now.getTime() - DEMO_SURVEYS_PUBLISHED_DAYS_AGO * DAY);
  const created = new Date(published.getTime() - DAY);
  const live = [nps.id, csat.id];
  await scope.db
    .update(surveys)
    .set({ createdAt: created, updatedAt: published, publishedAt: published })
    .where(scope.where(surveys, inArray(surveys.id, live)));
  await scope.db
    .update(surveyTriggers)
    .set({ createdAt: published })
    .where(scope.where(surveyTriggers, inArray(surveyTriggers.surveyId, live)));
  return { nps: await loaded(scope, nps.id, 'nps'), csat: await loaded(scope, csat.id, 'csat'), count: 3 };
}

export interface DemoRespondent {
  id: string;
  email: string | null;
  locale: string;
}

export interface DemoAnswer {
  survey: DemoSurvey;
  score: number;
  /** the comment, answered to the follow-up the score leads to; '' skips it */
  text: string;
  at: Date;
  respondent: DemoRespondent | null;
  language: string;
}

/** An email of the survey to the customer, sent `at`; returns its id. */
async function recordEmail(
  scope: WorkspaceScope,
  tx: Tx,
  survey: SurveyRow,
  to: DemoRespondent & { email: string },
  at: Date,
): Promise<string> {
  const id = newId();
  await tx.insert(surveySends).values(
    scope.stamp({
      id,
      surveyId: survey.id,
      customerId: to.id,
      channel: 'email',
      email: to.email,
      language: to.locale,
      status: 'sent',
      messageId: `<${id}@feedloop>`,
      attempts: 1,
      scheduledFor: at,
      sentAt: at,
      createdAt: at,
    }),
  );
  return id;
}

/**
 * Writes one completed response: by email when the customer has an address, else by link (a
 * customer's personal link reaches one response, so a second answer came by the public link).
 */
async function answer(scope: WorkspaceScope, tx: Tx, a: DemoAnswer, emailedHoursBefore: number, usedKeys: Set<string>): Promise<void> {
  const { survey, version, scoreQuestion } = a.survey;
  const who = a.respondent;
  const sendId = who?.email
    ? await recordEmail(scope, tx, survey, { ...who, email: who.email }, new Date(a.at.getTime() - emailedHoursBefore * HOUR))
    : null;
  const linkKey = who ? `${survey.id}:customer:${who.id}` : null;
  const personalKey = sendId ? `send:${sendId}` : who && !usedKeys.has(linkKey!) ? `customer:${who.id}` : null;
  if (linkKey && personalKey?.startsWith('customer:')) usedKeys.add(linkKey);
  const resumeToken = personalKey ? personalResumeToken(survey.signingKey, personalKey) : randomToken(18);
  const followUp = version.definition.questions.find(
    (q) => q.type === 'text' && q.showIf?.question === scoreQuestion.id && conditionHolds(q.showIf, { [scoreQuestion.id]: a.score }),
  );
  const planned = [{ question: scoreQuestion, value: a.score }, ...(followUp ? [{ question: followUp, value: a.text || null }] : [])];
  const row = scope.stamp({
    id: newId(),
    surveyId: survey.id,
    versionId: version.id,
    customerId: who?.id ?? null,
    channel: sendId ? 'email' : 'link',
    language: a.language,
    resumeTokenHash: sha256(resumeToken),
    personalKey,
    hidden: {},
    status: 'completed',
    startedAt: new Date(a.at.getTime() - 3 * 60_000),
    updatedAt: a.at,
    completedAt: a.at,
  });
  const written = await writeNewResponse(tx, { scope, survey, version, planned, row, resumeToken });
  if (!written) throw new Error('demo response not written');
}

/**
 * Writes the answers and the emails nobody answered, then dates each answer and its feedback item
 * at the response's time (they were written now).
 */
export async function answerDemoSurveys(
  scope: WorkspaceScope,
  tx: Tx,
  answers: DemoAnswer[],
  unanswered: Array<{ survey: DemoSurvey; to: DemoRespondent & { email: string }; at: Date }>,
  random: () => number,
): Promise<number> {
  const usedKeys = new Set<string>();
  for (const a of answers) await answer(scope, tx, a, 2 + random() * 46, usedKeys);
  for (const u of unanswered) await recordEmail(scope, tx, u.survey.survey, u.to, u.at);
  const ws = scope.workspaceId;
  await tx.execute(sql`update feedback_items f set created_at = r.completed_at, received_at = r.completed_at
    from survey_responses r where f.workspace_id = ${ws} and r.workspace_id = ${ws} and f.survey_response_id = r.id`);
  await tx.execute(sql`update survey_answers a set answered_at = r.completed_at
    from survey_responses r where a.workspace_id = ${ws} and r.workspace_id = ${ws} and a.response_id = r.id`);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(surveyResponses).where(eq(surveyResponses.workspaceId, ws));
  return n;
}
