// Surveys: create (from a definition or a template), list, get, edit with versioning, go live/close.
import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/http/zod-types.js';
import { newId, randomToken } from '../../platform/ids.js';
import { customers } from '../../customers/customers/customers.tables.js';
import { assertSavedSegments } from '../../customers/segments/segment-membership.js';
import { surveyResponses, surveys, surveyVersions } from './surveys.tables.js';
import { linkExpiry, signLink } from './survey-links.js';
import { definitionFromTemplate, SURVEY_TEMPLATES } from './survey-templates.js';
import type { Localized, SurveyDefinition, SurveyLanguage } from '../../contracts/survey-definition.js';
import type { SurveyStatus } from '../../contracts/surveys.js';
import type { TCreateSurveyInput, TUpdateSurveyInput } from './surveys.input.js';

export type SurveyRow = typeof surveys.$inferSelect;
export type { SurveyStatus };

export interface SurveyView {
  id: string;
  /** The fallback name, shown where `names` has no text for a language */
  name: string;
  names: Localized;
  status: string;
  version: number;
  definition: SurveyDefinition;
  settings: SurveyRow['settings'];
  template: string | null;
  /** The anonymous link's path; prefix it with the public URL */
  linkPath: string;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  closedAt: Date | null;
}

const view = (s: SurveyRow, definition: SurveyDefinition): SurveyView => ({
  id: s.id,
  name: s.name,
  names: s.names,
  status: s.status,
  version: s.currentVersion,
  definition,
  settings: s.settings,
  template: s.templateKey,
  linkPath: `/s/${s.publicToken}`,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
  publishedAt: s.publishedAt,
  closedAt: s.closedAt,
});

export type VersionRow = typeof surveyVersions.$inferSelect;

/** The survey's current version (the one new respondents get). */
export async function currentVersion(scope: WorkspaceScope, survey: SurveyRow, db: DbOrTx = scope.db): Promise<VersionRow> {
  const [v] = await db
    .select()
    .from(surveyVersions)
    .where(scope.where(surveyVersions, eq(surveyVersions.surveyId, survey.id), eq(surveyVersions.version, survey.currentVersion)));
  return v;
}

export async function createSurvey(scope: WorkspaceScope, input: TCreateSurveyInput): Promise<SurveyView> {
  let definition = input.definition;
  let names: Localized = { ...input.names };
  if (input.template) {
    const template = SURVEY_TEMPLATES.find((t) => t.key === input.template)!;
    const languages: SurveyLanguage[] = input.languages ?? ['en', 'fa', 'ar', 'zh'];
    const fallback = input.defaultLanguage ?? (languages.includes('en') ? 'en' : languages[0]);
    if (!languages.includes(fallback))
      throw new AppError(400, 'invalid_input', 'defaultLanguage: must be one of languages', 'defaultLanguage');
    definition = definitionFromTemplate(template, languages, fallback);
    names = { ...Object.fromEntries(languages.map((l) => [l, template.name[l]])), ...names };
  }
  await assertWidgetSegments(scope, input.settings);
  const name = input.name ?? names[definition!.defaultLanguage] ?? Object.values(names)[0]!;
  return scope.transaction(async (tx) => {
    const [s] = await tx
      .insert(surveys)
      .values(
        scope.stamp({
          id: newId(),
          name,
          names,
          publicToken: randomToken(18),
          signingKey: randomToken(32),
          settings: input.settings,
          templateKey: input.template ?? null,
        }),
      )
      .returning();
    await tx.insert(surveyVersions).values(scope.stamp({ id: newId(), surveyId: s.id, version: 1, definition: definition! }));
    return view(s, definition!);
  });
}

export async function findSurvey(scope: WorkspaceScope, id: string, tx: DbOrTx = scope.db): Promise<SurveyRow> {
  const [s] = await tx
    .select()
    .from(surveys)
    .where(scope.where(surveys, eq(surveys.id, id)));
  if (!s) throw notFound('Survey');
  return s;
}

export async function getSurvey(scope: WorkspaceScope, id: string): Promise<SurveyView> {
  const s = await findSurvey(scope, id);
  return view(s, (await currentVersion(scope, s)).definition);
}

export async function listSurveys(scope: WorkspaceScope, q: { status?: SurveyStatus; limit: number; cursor?: string }) {
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  if (q.cursor && !after) throw new AppError(400, 'invalid_input', 'cursor: not a valid cursor', 'cursor');
  const rows = await scope.db
    .select({ s: surveys, definition: surveyVersions.definition })
    .from(surveys)
    .innerJoin(surveyVersions, and(eq(surveyVersions.surveyId, surveys.id), eq(surveyVersions.version, surveys.currentVersion)))
    .where(
      scope.where(
        surveys,
        q.status ? eq(surveys.status, q.status) : undefined,
        after ? or(lt(surveys.createdAt, after.time), and(eq(surveys.createdAt, after.time), lt(surveys.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(surveys.createdAt), desc(surveys.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => view(r.s, r.definition)),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.s.createdAt, last.s.id) : null,
  };
}

/** The widget's segment may only name saved segments of this workspace. */
const assertWidgetSegments = (scope: WorkspaceScope, settings: TCreateSurveyInput['settings'] | undefined, db: DbOrTx = scope.db) =>
  assertSavedSegments(scope, settings?.widget?.segment ?? [], 'settings.widget.segment', db);

export async function updateSurvey(scope: WorkspaceScope, id: string, input: TUpdateSurveyInput): Promise<SurveyView> {
  return scope.transaction(async (tx) => {
    const s = await findSurvey(scope, id, tx);
    await assertWidgetSegments(scope, input.settings, tx);
    if (s.status === 'closed' && input.definition)
      throw new AppError(409, 'survey_closed', 'definition: a closed survey cannot be edited; reopen it first', 'definition');
    let current = await currentVersion(scope, s, tx);
    let version = s.currentVersion;
    if (input.definition) {
      const answered = await tx
        .select({ id: surveyResponses.id })
        .from(surveyResponses)
        .where(eq(surveyResponses.versionId, current.id))
        .limit(1);
      if (answered.length > 0) {
        // Responses keep pointing at the version they answered; new respondents get this one.
        version += 1;
        const [v] = await tx
          .insert(surveyVersions)
          .values(scope.stamp({ id: newId(), surveyId: s.id, version, definition: input.definition }))
          .returning();
        current = v;
      } else {
        await tx.update(surveyVersions).set({ definition: input.definition }).where(eq(surveyVersions.id, current.id));
        current = { ...current, definition: input.definition };
      }
    }
    const [updated] = await tx
      .update(surveys)
      .set({
        ...(input.name ? { name: input.name } : {}),
        ...(input.names ? { names: input.names } : {}),
        ...(input.settings ? { settings: input.settings } : {}),
        currentVersion: version,
        updatedAt: new Date(),
      })
      .where(scope.where(surveys, eq(surveys.id, s.id)))
      .returning();
    return view(updated, current.definition);
  });
}

const TRANSITIONS: Record<SurveyStatus, SurveyStatus[]> = { draft: ['live'], live: ['closed'], closed: ['live'] };

export async function setSurveyStatus(scope: WorkspaceScope, id: string, status: SurveyStatus): Promise<SurveyView> {
  return scope.transaction(async (tx) => {
    const s = await findSurvey(scope, id, tx);
    if (s.status === status) return view(s, (await currentVersion(scope, s, tx)).definition);
    if (!TRANSITIONS[s.status as SurveyStatus].includes(status)) {
      throw new AppError(409, 'invalid_transition', `status: a ${s.status} survey cannot become ${status}`, 'status');
    }
    const now = new Date();
    const [updated] = await tx
      .update(surveys)
      .set({
        status,
        updatedAt: now,
        ...(status === 'live' ? { publishedAt: s.publishedAt ?? now, closedAt: null } : { closedAt: now }),
      })
      .where(scope.where(surveys, eq(surveys.id, s.id)))
      .returning();
    return view(updated, (await currentVersion(scope, updated, tx)).definition);
  });
}

/** A personal link for one customer of this workspace: answers are attached to them. */
export async function personalLinkPath(
  scope: WorkspaceScope,
  surveyId: string,
  customerId: string,
): Promise<{ path: string; expiresAt: Date }> {
  const s = await findSurvey(scope, surveyId);
  const [c] = await scope.db
    .select({ id: customers.id })
    .from(customers)
    .where(scope.where(customers, eq(customers.id, customerId)));
  if (!c) throw new AppError(404, 'not_found', 'customerId: no such customer in this workspace', 'customerId');
  const x = linkExpiry();
  return { path: `/s/${s.publicToken}?c=${signLink(s.signingKey, { k: 'p', c: c.id, x })}`, expiresAt: new Date(x * 1000) };
}
