/**
 * Reads surveys by public link token, coalescing concurrent requests: the tokens asked for while
 * a read is in flight are read together by the next one, in one prepared query. Every request
 * still gets a row read after it arrived (never an older, shared one), so a survey's status is
 * as fresh as with a query of its own.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { surveys, surveyVersions } from './surveys.tables.js';

type Row = { survey: typeof surveys.$inferSelect; version: typeof surveyVersions.$inferSelect | null };
interface Waiter {
  token: string;
  resolve(row: Row | null): void;
  reject(e: unknown): void;
}
interface Reader {
  waiting: Waiter[];
  inFlight: boolean;
}

const readers = new WeakMap<Database, Reader>();
// Built once per database: the query builder costs more CPU than the query itself.
const queries = new WeakMap<Database, ReturnType<typeof buildQuery>>();

function buildQuery(database: Database) {
  return database.db
    .select({ survey: surveys, version: surveyVersions })
    .from(surveys)
    .leftJoin(surveyVersions, and(eq(surveyVersions.surveyId, surveys.id), eq(surveyVersions.version, surveys.currentVersion)))
    .where(sql`${surveys.publicToken} = any(${sql.placeholder('tokens')}::text[])`)
    .prepare('surveys_by_public_tokens');
}

export function readSurveyByToken(database: Database, token: string): Promise<Row | null> {
  let reader = readers.get(database);
  if (!reader) {
    reader = { waiting: [], inFlight: false };
    readers.set(database, reader);
  }
  const row = new Promise<Row | null>((resolve, reject) => reader.waiting.push({ token, resolve, reject }));
  if (!reader.inFlight) void read(database, reader);
  return row;
}

async function read(database: Database, reader: Reader) {
  reader.inFlight = true;
  while (reader.waiting.length > 0) {
    const batch = reader.waiting;
    reader.waiting = [];
    let query = queries.get(database);
    if (!query) {
      query = buildQuery(database);
      queries.set(database, query);
    }
    try {
      const rows = await query.execute({ tokens: [...new Set(batch.map((w) => w.token))] });
      const byToken = new Map(rows.map((r) => [r.survey.publicToken, r]));
      for (const w of batch) w.resolve(byToken.get(w.token) ?? null);
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }
  reader.inFlight = false;
}
