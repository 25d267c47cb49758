// The additive figures a rollup row holds, as SQL aggregates over feedback items (the rebuild and
// the reader's exact fallback use the same expressions) and as sums over rollup rows.
import { sql, type SQL } from 'drizzle-orm';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';

export interface RollupSums {
  items: number;
  promoters: number;
  passives: number;
  detractors: number;
  csatAnswers: number;
  csatSatisfied: number;
  cesAnswers: number;
  cesSum: number;
  cesSumOfSquares: number;
  positive: number;
  neutral: number;
  negative: number;
  sentimentScored: number;
  sentimentSum: number;
  sentimentSumOfSquares: number;
}

/** Column names, in the order of the aggregates below. */
export const SUM_COLUMNS = {
  items: 'items',
  promoters: 'promoters',
  passives: 'passives',
  detractors: 'detractors',
  csatAnswers: 'csat_answers',
  csatSatisfied: 'csat_satisfied',
  cesAnswers: 'ces_answers',
  cesSum: 'ces_sum',
  cesSumOfSquares: 'ces_sum_of_squares',
  positive: 'positive',
  neutral: 'neutral',
  negative: 'negative',
  sentimentScored: 'sentiment_scored',
  sentimentSum: 'sentiment_sum',
  sentimentSumOfSquares: 'sentiment_sum_of_squares',
} as const satisfies Record<keyof RollupSums, string>;

const FIELDS = Object.keys(SUM_COLUMNS) as Array<keyof RollupSums>;
export const emptySums = (): RollupSums => Object.fromEntries(FIELDS.map((k) => [k, 0])) as unknown as RollupSums;

export function addSums(into: RollupSums, row: Record<string, unknown>): RollupSums {
  for (const k of FIELDS) into[k] += Number(row[k] ?? 0);
  return into;
}

const f = feedbackItems;
const counted = (condition: SQL) => sql`count(*) filter (where ${condition})::int`;

/** The aggregates of items, in SUM_COLUMNS order (NPS groups: promoters 9–10, passives 7–8, detractors 0–6). */
export const ITEM_AGGREGATES: Record<keyof RollupSums, SQL> = {
  items: sql`count(*)::int`,
  promoters: counted(sql`${f.nps} >= 9`),
  passives: counted(sql`${f.nps} between 7 and 8`),
  detractors: counted(sql`${f.nps} <= 6`),
  csatAnswers: counted(sql`${f.csat} is not null`),
  csatSatisfied: counted(sql`${f.csat} >= 4`),
  cesAnswers: counted(sql`${f.ces} is not null`),
  cesSum: sql`coalesce(sum(${f.ces}), 0)::int`,
  cesSumOfSquares: sql`coalesce(sum(${f.ces} * ${f.ces}), 0)::int`,
  positive: counted(sql`${f.sentiment} = 'positive'`),
  neutral: counted(sql`${f.sentiment} = 'neutral'`),
  negative: counted(sql`${f.sentiment} = 'negative'`),
  sentimentScored: sql`count(${f.sentimentScore})::int`,
  // Scores are float4: summed as float8, so the order rows are summed in changes only the last digits.
  sentimentSum: sql`coalesce(sum(${f.sentimentScore}::float8), 0)`,
  sentimentSumOfSquares: sql`coalesce(sum(${f.sentimentScore}::float8 * ${f.sentimentScore}::float8), 0)`,
};

/** `agg as "field", …` for a SELECT over items. */
export const itemAggregateList = (alias = true) =>
  sql.join(
    FIELDS.map((k) => (alias ? sql`${ITEM_AGGREGATES[k]} as ${sql.identifier(k)}` : ITEM_AGGREGATES[k])),
    sql`, `,
  );

/** `sum(col)::float8 as "field", …` for a SELECT over rollup rows. */
export const rollupSumList = () =>
  sql.join(
    FIELDS.map((k) => sql`sum(${sql.identifier(SUM_COLUMNS[k])})::float8 as ${sql.identifier(k)}`),
    sql`, `,
  );

export const sumColumnList = () =>
  sql.join(
    FIELDS.map((k) => sql.identifier(SUM_COLUMNS[k])),
    sql`, `,
  );
