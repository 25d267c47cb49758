/**
 * Full-text search over feedback_items in SQL. search_vector is a stored generated column
 * (to_tsvector('simple', search_text)) with the GIN index feedback_search_vector_idx, so the
 * match is answered from the index and ranking reads stored vectors; the tsquery built by
 * parseSearchQuery is always a bound parameter. search_text is written by the analysis job (so
 * storing an item touches no text index) and the index only holds rows that have it: every
 * search says `search_text is not null` so that the planner can use it.
 */
import { sql, type SQL } from 'drizzle-orm';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { AppError } from '../../platform/http/errors.js';
import { parseSearchQuery, SearchQueryError, type SearchQuery } from './search-query.js';

export interface FeedbackSearch {
  query: SearchQuery;
  /** `search_text` matches the query. */
  where: SQL;
  /** Cover-density rank, divided by 1 + log(document length) so long texts do not win by size. */
  rank: SQL<number>;
}

const documentVector = sql`${feedbackItems.searchVector}`;

/** Parses `q` (400 naming q when nothing searchable is left) into SQL fragments. */
export function feedbackSearch(q: string): FeedbackSearch {
  let query: SearchQuery;
  try {
    query = parseSearchQuery(q);
  } catch (err) {
    if (err instanceof SearchQueryError) throw new AppError(400, 'invalid_input', `q: ${err.message}`, 'q');
    throw err;
  }
  const tsquery = sql`to_tsquery('simple', ${query.tsquery})`;
  return {
    query,
    where: sql`${feedbackItems.searchText} is not null and ${documentVector} @@ ${tsquery}`,
    rank: sql<number>`ts_rank_cd(${documentVector}, ${tsquery}, 1)::real`.mapWith(Number),
  };
}

const RELEVANCE_PREFIX = 'rank';

/** Page token for sort=relevance: the last row's (rank, id); ranks are real (float4) in SQL. */
export const encodeRelevanceCursor = (rank: number, id: string) => Buffer.from(`${RELEVANCE_PREFIX}|${rank}|${id}`).toString('base64url');

export function decodeRelevanceCursor(cursor: string): { rank: number; id: string } | null {
  const [prefix, rank, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const value = Number(rank);
  if (prefix !== RELEVANCE_PREFIX || rank === '' || !Number.isFinite(value) || !/^[0-9a-f-]{36}$/.test(id ?? '')) return null;
  return { rank: value, id };
}

/** Rows after the cursor in (rank desc, id desc) order. */
export function afterRelevanceCursor(search: FeedbackSearch, cursor: { rank: number; id: string }): SQL {
  return sql`(${search.rank} < ${cursor.rank}::real or (${search.rank} = ${cursor.rank}::real and ${feedbackItems.id} < ${cursor.id}::uuid))`;
}
