// Public survey pages: /s/<publicToken> (anonymous or personal with ?c=), the answer form post,
// resuming with /s/<publicToken>/r/<resumeToken>, the one-click answer from an email, and the
// unsubscribe page. GETs never change anything; answers are saved by POST (form-encoded).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { isDatabaseUnavailable } from '../../platform/db/unavailable.js';
import { DB_LIMITS } from '../../platform/db/limits.js';
import { randomToken } from '../../platform/ids.js';
import { customers } from '../../customers/customers/customers.tables.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { surveyOptOuts } from './surveys.tables.js';
import { SCORE_RANGES } from '../feedback/feedback.input.js';
import { SURVEY_LIMITS } from './limits.js';
import { chooseLanguage } from './choose-language.js';
import { formatNumber, languageName, messagesFor, type MessageKey, type PageLanguage } from './page-messages.js';
import { layout, messagePage, ONE_CLICK_JS, questionPage, SURVEY_CSS, thankYouPage } from './link-page.js';
import { html } from '../../platform/http/html.js';
import { personalKeyOf, personalResumeToken, verifyLink } from './survey-links.js';
import {
  isScoreType,
  nameIn,
  SURVEY_LANGUAGES,
  type Question,
  type SurveyDefinition,
  type SurveyLanguage,
} from '../../contracts/survey-definition.js';
import { parseAnswer, projectedPath, questionPath, type AnswerProblem, type AnswerValue } from './survey-flow.js';
import {
  AnswerError,
  answerNewResponse,
  assertOpen,
  openResponse,
  respondentVersion,
  responseByResumeToken,
  responseState,
  responseVersion,
  saveAnswers,
  surveyByPublicToken,
  type RespondentSurvey,
  type ResponseRow,
} from './respond-to-survey.js';

const PAGE_CSP =
  "default-src 'none'; style-src 'self'; font-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

type Form = Record<string, string | string[]>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function sendPage(reply: FastifyReply, status: number, body: string) {
  // Links carry tokens: no referrer leaks them, no cache keeps them.
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', PAGE_CSP)
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .send(body);
}

/** The language of error pages: the form's, ?lang=, else the browser's. */
function guessLanguage(req: FastifyRequest): PageLanguage {
  const asked = (req.query as Record<string, unknown> | undefined)?.lang;
  const fromForm = first(((req.body ?? {}) as Form)._lang);
  const tags = [fromForm ?? '', typeof asked === 'string' ? asked : '', ...(req.headers['accept-language'] ?? '').split(',')];
  for (const tag of tags) {
    const base = tag.trim().toLowerCase().slice(0, 2);
    if ((SURVEY_LANGUAGES as readonly string[]).includes(base)) return base as PageLanguage;
  }
  return 'en';
}

const ERROR_PAGES: Record<string, MessageKey> = {
  survey_closed: 'closed',
  survey_not_live: 'notLive',
  survey_full: 'full',
  response_completed: 'alreadyDone',
  not_found: 'notFound',
};

const ANSWER_PROBLEMS: Record<AnswerProblem, MessageKey> = {
  required: 'answerRequired',
  outOfScale: 'answerOutOfScale',
  tooLong: 'answerTooLong',
  notApplicable: 'answerNotApplicable',
  invalid: 'answerInvalid',
};

/** Why an answer was refused, in the respondent's language and digits. */
function answerProblemText(language: PageLanguage, problem: AnswerProblem, question: Question | undefined): string {
  const number = (n: number) => formatNumber(n, language);
  const [min, max] = question && isScoreType(question.type) ? SCORE_RANGES[question.type] : [0, 0];
  return messagesFor(language)(ANSWER_PROBLEMS[problem], {
    min: number(min),
    max: number(problem === 'tooLong' ? SURVEY_LIMITS.maxAnswerLength : max),
  });
}

function offeredLanguage(def: SurveyDefinition, value: string | undefined): SurveyLanguage {
  return value && def.languages.includes(value as SurveyLanguage) ? (value as SurveyLanguage) : def.defaultLanguage;
}

/** The questions to show next: one, or every question that currently applies on an all-on-one-page survey. */
function questionsToShow(
  def: SurveyDefinition,
  state: { answers: Record<string, unknown>; seen: Set<string> },
  next: Question,
): Question[] {
  if (def.display === 'one_per_screen') return [next];
  return questionPath(def, state.answers as never)
    .filter((q) => !state.seen.has(q.id))
    .concat(def.questions.filter((q) => !q.showIf && !state.seen.has(q.id)))
    .filter((q, i, all) => all.findIndex((x) => x.id === q.id) === i)
    .sort((a, b) => def.questions.indexOf(a) - def.questions.indexOf(b));
}

/** "Question n of total", counted along the questions this respondent will see. */
function position(def: SurveyDefinition, state: { answers: Record<string, unknown>; seen: ReadonlySet<string> }, shown: Question) {
  const path = projectedPath(def, state.answers as never, state.seen);
  return { n: Math.max(1, path.findIndex((q) => q.id === shown.id) + 1), total: Math.max(1, path.length) };
}

export async function surveyPageRoutes(app: FastifyInstance, opts: { database: Database }) {
  const { database } = opts;
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: SURVEY_LIMITS.formBodyBytes },
    (_req, body, done) => {
      const out: Form = {};
      for (const [k, v] of new URLSearchParams(body as string)) {
        const prev = out[k];
        out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
      }
      done(null, out);
    },
  );
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    const language = guessLanguage(req);
    if (err instanceof AppError) {
      const key = ERROR_PAGES[err.code];
      return sendPage(
        reply,
        err.status,
        key ? messagePage(language, key) : layout({ language, title: err.message }, html`<h1 class="message">${err.message}</h1>`),
      );
    }
    if (err.statusCode === 429) return sendPage(reply, 429, messagePage(language, 'tooMany'));
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err: { message: err.message, code: err.code } }, 'database unavailable');
      return sendPage(
        reply.header('retry-after', String(DB_LIMITS.unavailableRetryAfterSeconds)),
        503,
        messagePage(language, 'unavailable'),
      );
    }
    if (err.statusCode && err.statusCode < 500)
      return sendPage(reply, err.statusCode, layout({ language, title: err.message }, html`<h1 class="message">${err.message}</h1>`));
    req.log.error({ err }, 'survey page failed');
    return sendPage(reply, 500, layout({ language, title: 'Error' }, html`<h1 class="message">Something went wrong (${req.id}).</h1>`));
  });

  app.get('/s/assets/survey.css', async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SURVEY_CSS),
  );
  app.get('/s/assets/one-click.js', async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(ONE_CLICK_JS),
  );

  const loadSurvey = async (token: string): Promise<RespondentSurvey> => {
    const rs = await surveyByPublicToken(database, token);
    if (!rs) throw new AppError(404, 'not_found', 'Survey not found');
    return rs;
  };
  // The customer a signed link names. One that is not (or no longer) a customer of the survey's
  // workspace makes the link as unknown as a wrong token; a merged record answers for the one it joined.
  const linkedCustomer = async (rs: RespondentSurvey, id: string) => {
    const [c] = await rs.scope.db
      .select({ id: customers.id, mergedIntoId: customers.mergedIntoId, locale: customers.locale })
      .from(customers)
      .where(rs.scope.where(customers, eq(customers.id, id)));
    if (!c) throw new AppError(404, 'not_found', 'Survey not found');
    return { id: c.mergedIntoId ?? c.id, locale: c.locale };
  };
  const linkError = (language: PageLanguage, reason: 'forged' | 'expired') =>
    new AppError(reason === 'forged' ? 403 : 410, `link_${reason}`, messagesFor(language)(reason));

  // Start page: the first question(s). The nonce makes a double-submitted first answer one response.
  app.get('/s/:token', async (req, reply) => {
    const { token } = req.params as { token: string };
    const query = req.query as Record<string, string>;
    const rs = await loadSurvey(token);
    const version = await respondentVersion(rs);
    const def = version.definition;
    let customerLocale: string | null = null;
    let personalKey: string | null = null;
    if (query.c !== undefined) {
      const v = verifyLink(rs.survey.signingKey, query.c, 'p');
      if (!v.ok) throw linkError(guessLanguage(req), v.reason);
      customerLocale = (await linkedCustomer(rs, v.payload.c)).locale;
      personalKey = personalKeyOf(v.payload);
    }
    const choice = chooseLanguage(def, { requested: query.lang, customerLocale, acceptLanguage: req.headers['accept-language'] });
    const lang = choice.language;
    assertOpen(rs.survey);
    if (personalKey) {
      const resume = personalResumeToken(rs.survey.signingKey, personalKey);
      if (await responseByResumeToken(rs, resume)) return reply.redirect(`/s/${token}/r/${resume}?lang=${lang}`, 303);
    }
    const hidden: Record<string, string> = { _lang: lang, _n: randomToken(16) };
    if (query.c) hidden._c = query.c;
    for (const name of def.hiddenFields) if (typeof query[name] === 'string') hidden[`h_${name}`] = query[name].slice(0, 200);
    const state = { answers: {}, seen: new Set<string>() };
    const firstQuestion = def.questions.find((q) => !q.showIf)!;
    const shown = questionsToShow(def, state, firstQuestion);
    hidden._q = shown.map((q) => q.id).join(',');
    const notice = choice.fallbackFrom ? messagesFor(lang)('languageFallback', { language: languageName(lang, lang) }) : undefined;
    return sendPage(
      reply,
      200,
      questionPage({
        surveyName: nameIn(rs.survey, lang),
        definition: def,
        language: lang,
        questions: shown,
        answers: {},
        action: `/s/${token}/answer`,
        hidden,
        notice,
        showWelcome: true,
        position: position(def, state, shown[0]),
      }),
    );
  });

  app.get('/s/:token/r/:resume', async (req, reply) => {
    const { token, resume } = req.params as { token: string; resume: string };
    const query = req.query as Record<string, string>;
    const rs = await loadSurvey(token);
    const response = await responseByResumeToken(rs, resume);
    if (!response) throw new AppError(404, 'not_found', 'Response not found');
    const state = await responseState(rs.scope, response, rs.scope.db, rs.current);
    const def = state.definition;
    const lang = offeredLanguage(def, query.lang ?? response.language);
    if (response.status === 'completed') return sendPage(reply, 200, thankYouPage(nameIn(rs.survey, lang), def, lang));
    assertOpen(rs.survey);
    const path = questionPath(def, state.answers);
    const revisit = query.q ? path.find((q) => q.id === query.q && state.seen.has(q.id)) : undefined;
    const target = revisit ?? state.next;
    if (!target) return sendPage(reply, 200, thankYouPage(nameIn(rs.survey, lang), def, lang));
    const shown = revisit ? [revisit] : questionsToShow(def, state, target);
    const index = path.findIndex((q) => q.id === shown[0].id);
    const previous = index > 0 ? path[index - 1] : undefined;
    return sendPage(
      reply,
      200,
      questionPage({
        surveyName: nameIn(rs.survey, lang),
        definition: def,
        language: lang,
        questions: shown,
        answers: state.answers,
        action: `/s/${token}/answer`,
        hidden: { _r: resume, _lang: lang, _q: shown.map((q) => q.id).join(',') },
        backHref: previous ? `/s/${token}/r/${resume}?q=${previous.id}&lang=${lang}` : undefined,
        position: position(def, state, shown[0]),
      }),
    );
  });

  // One click in an email: the page pre-selects the score and submits it by POST (scanners that
  // fetch links never answer for the customer).
  app.get('/s/:token/e/:click', async (req, reply) => {
    const { token, click } = req.params as { token: string; click: string };
    const rs = await loadSurvey(token);
    const v = verifyLink(rs.survey.signingKey, click, 'a');
    if (!v.ok) throw linkError(guessLanguage(req), v.reason);
    const version = await respondentVersion(rs);
    const def = version.definition;
    const question = def.questions.find((q) => q.id === v.payload.q && isScoreType(q.type));
    if (!question) throw linkError(guessLanguage(req), 'forged');
    const lang = chooseLanguage(def, {
      requested: (req.query as Record<string, string>).lang,
      customerLocale: (await linkedCustomer(rs, v.payload.c)).locale,
      acceptLanguage: req.headers['accept-language'],
    }).language;
    assertOpen(rs.survey);
    return sendPage(
      reply,
      200,
      questionPage({
        surveyName: nameIn(rs.survey, lang),
        definition: def,
        language: lang,
        questions: [question],
        answers: { [question.id]: v.payload.v! },
        action: `/s/${token}/answer`,
        hidden: { _a: click, _lang: lang, _q: question.id },
        notice: messagesFor(lang)('oneClickSaving'),
        script: '/s/assets/one-click.js',
        formId: 'one-click',
        submitKey: 'oneClickSave',
      }),
    );
  });

  app.post(
    '/s/:token/answer',
    { config: { rateLimit: { max: SURVEY_LIMITS.submitsPerMinute, timeWindow: 60_000 } } },
    async (req, reply) => {
      const { token } = req.params as { token: string };
      const form = (req.body ?? {}) as Form;
      if (typeof form !== 'object' || Array.isArray(form)) throw new AppError(415, 'form_required', 'Send the survey form');
      const rs = await loadSurvey(token);
      let response: ResponseRow | null = null;
      let resume = first(form._r);
      const raw: Record<string, unknown> = {};
      for (const id of (first(form._q) ?? '').split(',').filter(Boolean).slice(0, SURVEY_LIMITS.maxQuestions)) raw[id] = '';
      for (const [k, v] of Object.entries(form)) if (k.startsWith('a_')) raw[k.slice(2)] = v;
      if (resume) {
        response = await responseByResumeToken(rs, resume);
        if (!response) throw new AppError(404, 'not_found', 'Response not found');
      } else {
        const version = await respondentVersion(rs);
        const def = version.definition;
        let customerId: string | null = null;
        let personalKey: string;
        let channel: 'link' | 'email' = 'link';
        const personal = first(form._c),
          click = first(form._a);
        if (click) {
          const v = verifyLink(rs.survey.signingKey, click, 'a');
          if (!v.ok) throw linkError(guessLanguage(req), v.reason);
          customerId = (await linkedCustomer(rs, v.payload.c)).id;
          personalKey = personalKeyOf(v.payload);
          channel = 'email';
          if (raw[v.payload.q!] === undefined || raw[v.payload.q!] === '') raw[v.payload.q!] = v.payload.v;
        } else if (personal) {
          const v = verifyLink(rs.survey.signingKey, personal, 'p');
          if (!v.ok) throw linkError(guessLanguage(req), v.reason);
          customerId = (await linkedCustomer(rs, v.payload.c)).id;
          personalKey = personalKeyOf(v.payload);
          if (v.payload.s) channel = 'email';
        } else {
          const nonce = first(form._n);
          if (!nonce || !/^[A-Za-z0-9_-]{16,64}$/.test(nonce))
            throw new AppError(400, 'invalid_input', '_n: the form is incomplete; reload the survey page', '_n');
          personalKey = `anon:${nonce}`;
        }
        const hidden: Record<string, string> = {};
        for (const name of def.hiddenFields) {
          const value = first(form[`h_${name}`]);
          if (value) hidden[name] = value.slice(0, 200);
        }
        const input = { customerId, personalKey, channel, language: offeredLanguage(def, first(form._lang)), hidden };
        // A new respondent's first answers are saved with the response in one transaction.
        const answered = await answerNewResponse(rs, input, raw);
        if (answered)
          return reply.redirect(
            `/s/${token}/r/${answered.resumeToken}?lang=${offeredLanguage(def, first(form._lang) ?? answered.response.language)}`,
            303,
          );
        const opened = await openResponse(rs, input);
        response = opened.response;
        resume = opened.resumeToken;
      }
      const lang = offeredLanguage((await responseVersion(rs, response)).definition, first(form._lang) ?? response.language);
      try {
        await saveAnswers(rs, response.id, raw);
      } catch (err) {
        if (!(err instanceof AnswerError)) throw err;
        const state = await responseState(rs.scope, response, rs.scope.db, rs.current);
        const shown = state.definition.questions.filter((q) => q.id in raw);
        // Echo what was typed, so a respondent fixes one field instead of retyping the page.
        const echoed: Record<string, AnswerValue> = { ...state.answers };
        for (const q of shown) {
          const parsed = parseAnswer({ ...q, required: false }, raw[q.id]);
          if (parsed.ok && parsed.value !== null) echoed[q.id] = parsed.value;
          else if (typeof raw[q.id] === 'string') echoed[q.id] = raw[q.id] as string;
        }
        return sendPage(
          reply,
          400,
          questionPage({
            surveyName: nameIn(rs.survey, lang),
            definition: state.definition,
            language: lang,
            questions: shown.length ? shown : [state.next!].filter(Boolean),
            answers: echoed,
            errors: {
              [err.questionId]: answerProblemText(
                lang,
                err.problem,
                state.definition.questions.find((q) => q.id === err.questionId),
              ),
            },
            action: `/s/${token}/answer`,
            hidden: { _r: resume, _lang: lang, _q: shown.map((q) => q.id).join(',') },
          }),
        );
      }
      return reply.redirect(`/s/${token}/r/${resume}?lang=${lang}`, 303);
    },
  );

  const unsubscribePage = async (req: FastifyRequest, reply: FastifyReply, confirm: boolean) => {
    const { token, unsub } = req.params as { token: string; unsub: string };
    const rs = await loadSurvey(token);
    const v = verifyLink(rs.survey.signingKey, unsub, 'u');
    if (!v.ok) throw linkError(guessLanguage(req), v.reason);
    const customer = await linkedCustomer(rs, v.payload.c);
    const language = offeredLanguage((await respondentVersion(rs)).definition, customer.locale?.slice(0, 2) ?? undefined);
    const [{ workspace }] = await rs.scope.db
      .select({ workspace: workspaces.name })
      .from(workspaces)
      .where(eq(workspaces.id, rs.survey.workspaceId));
    const t = messagesFor(language);
    if (confirm) {
      await rs.scope.db
        .insert(surveyOptOuts)
        .values(rs.scope.stamp({ customerId: customer.id }))
        .onConflictDoNothing();
      return sendPage(
        reply,
        200,
        layout({ language, title: t('unsubscribe') }, html`<h1 class="message">${t('unsubscribed', { workspace })}</h1>`),
      );
    }
    return sendPage(
      reply,
      200,
      layout(
        { language, title: t('unsubscribe') },
        html`<h1>${t('unsubscribeConfirm', { workspace })}</h1>
      <form method="post" action="/u/${token}/${unsub}"><button type="submit">${t('unsubscribeButton')}</button></form>`,
      ),
    );
  };
  app.get('/u/:token/:unsub', (req, reply) => unsubscribePage(req, reply, false));
  // Also the RFC 8058 one-click target (List-Unsubscribe-Post), which mail clients POST to.
  app.post('/u/:token/:unsub', { config: { rateLimit: { max: SURVEY_LIMITS.submitsPerMinute, timeWindow: 60_000 } } }, (req, reply) =>
    unsubscribePage(req, reply, true),
  );
}
