// Compiles a segment definition to parameterized SQL: every value is a bound parameter, every
// column comes from the allow-lists below, and attribute names (already regex-checked) are
// parameters too. Used by the segment API and by anything that filters by segment.
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { notFound } from '../../platform/http/errors.js';
import { customers } from '../customers/customers.tables.js';
import { segments } from './segments.tables.js';
import { ZSegmentDefinition, type SegmentCondition, type SegmentDefinition } from './segment-definition.js';

const c = alias(customers, 'c');

const PROFILE_COLUMNS = {
  locale: c.locale,
  email: c.email,
  phone: c.phone,
  feedbackCount: c.feedbackCount,
  eventCount: c.eventCount,
  orderCount: c.orderCount,
} as const;
const RECENCY_COLUMNS = { lastSeenAt: c.lastSeenAt, createdAt: c.createdAt } as const;
const NPS_RANGES = { promoter: [9, 10], passive: [7, 8], detractor: [0, 6] } as const;

type NumericOp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte';
const OPERATORS: Record<NumericOp, SQL> = {
  eq: sql.raw('='),
  neq: sql.raw('<>'),
  gt: sql.raw('>'),
  gte: sql.raw('>='),
  lt: sql.raw('<'),
  lte: sql.raw('<='),
};

const compare = (left: SQL, op: NumericOp, value: number) => sql`${left} ${OPERATORS[op]} ${value}::numeric`;
const daysAgo = (days: number) => sql`now() - make_interval(days => ${days}::int)`;

/** The attribute as text (JSON strings unquoted, numbers and booleans as written). */
const attributeText = (name: string) => sql`(${c.attributes} ->> ${name}::text)`;
/** The attribute as a number when it is one (a JSON number or a numeric string), else null. */
const attributeNumber = (name: string) =>
  sql`(case when ${attributeText(name)} ~ '^-?[0-9]+(\\.[0-9]+)?$' then ${attributeText(name)}::numeric end)`;

function attributeSql(cond: Extract<SegmentCondition, { kind: 'attribute' }>): SQL {
  const text = attributeText(cond.name);
  switch (cond.op) {
    case 'exists':
      return sql`${text} is not null`;
    case 'notExists':
      return sql`${text} is null`;
    // A customer without the attribute is "not equal" too (as in survey targeting).
    case 'neq':
      return sql`${text} is distinct from ${cond.value}::text`;
    case 'eq':
      return sql`${text} = ${cond.value}::text`;
    case 'contains':
      return sql`strpos(lower(${text}), lower(${cond.value}::text)) > 0`;
    // One array parameter (a plain array would be spread into a list of parameters).
    case 'in':
      return sql`${text} = any(${sql.param(cond.value)}::text[])`;
    default:
      return compare(attributeNumber(cond.name), cond.op, cond.value);
  }
}

function conditionSql(scope: WorkspaceScope, cond: SegmentCondition): SQL {
  const ws = scope.workspaceId;
  switch (cond.kind) {
    case 'attribute':
      return attributeSql(cond);
    case 'profile': {
      const column = PROFILE_COLUMNS[cond.field];
      if (cond.op === 'exists') return sql`coalesce(${column}, '') <> ''`;
      if (cond.op === 'notExists') return sql`coalesce(${column}, '') = ''`;
      if (cond.field === 'locale') {
        const value = cond.value ?? '';
        return cond.op === 'eq' ? sql`${column} = ${value}::text` : sql`${column} is distinct from ${value}::text`;
      }
      // Only the count fields are left (email and phone have no value: they only exist or not).
      if (!('value' in cond)) throw new Error(`unexpected profile condition ${cond.field}`);
      return compare(sql`${column}`, cond.op, cond.value);
    }
    case 'recency': {
      const column = RECENCY_COLUMNS[cond.field];
      return cond.op === 'within' ? sql`${column} >= ${daysAgo(cond.days)}` : sql`(${column} is null or ${column} < ${daysAgo(cond.days)})`;
    }
    case 'event':
      return sql`(select count(*) from events e where e.workspace_id = ${ws} and e.customer_id = ${c.id}
        and e.name = ${cond.name}::text ${cond.days ? sql`and e.occurred_at >= ${daysAgo(cond.days)}` : sql``}) >= ${cond.minCount}::int`;
    case 'orders':
      // One aggregate per customer: HAVING without GROUP BY yields a row only when both hold.
      return sql`exists (select 1 from orders o where o.workspace_id = ${ws} and o.customer_id = ${c.id}
        ${cond.currency ? sql`and o.currency = ${cond.currency}::text` : sql``}
        ${cond.days ? sql`and o.placed_at >= ${daysAgo(cond.days)}` : sql``}
        having count(*) >= ${cond.minCount ?? 0}::int and coalesce(sum(o.amount), 0) >= ${cond.minTotal ?? 0}::numeric)`;
    case 'nps': {
      const [low, high] = NPS_RANGES[cond.group];
      return sql`(select f.nps from feedback_items f where f.workspace_id = ${ws} and f.customer_id = ${c.id} and f.nps is not null
        order by f.created_at desc, f.id desc limit 1) between ${low}::int and ${high}::int`;
    }
    case 'feedbackLanguage':
      return sql`exists (select 1 from feedback_items f where f.workspace_id = ${ws} and f.customer_id = ${c.id} and f.language = ${cond.language}::text)`;
    case 'lifetimeValue':
      // No orders in a currency means a lifetime value of 0 in it.
      return compare(sql`coalesce((${c.lifetimeValue} ->> ${cond.currency}::text)::numeric, 0)`, cond.op, cond.value);
  }
}

/**
 * `select c.id from customers c where …`: the workspace's unmerged customers in the segment, those
 * its definition matches or added to it by hand or by a rule (a definition not yet saved has none).
 */
export function segmentMembersSql(scope: WorkspaceScope, segment: { id: string | null; definition: SegmentDefinition }): SQL {
  const { definition } = segment;
  const parts = definition.conditions.map((cond) => conditionSql(scope, cond));
  // No conditions: every customer.
  const matched = parts.length === 0 ? sql`true` : definition.match === 'all' ? and(...parts)! : or(...parts)!;
  const added = segment.id
    ? sql`exists (select 1 from segment_members sm where sm.workspace_id = ${scope.workspaceId}
        and sm.segment_id = ${segment.id}::uuid and sm.customer_id = ${c.id})`
    : undefined;
  const match = added ? or(matched, added)! : matched;
  return sql`select ${c.id} from customers c where ${and(eq(c.workspaceId, scope.workspaceId), sql`${c.mergedIntoId} is null`, match)}`;
}

export interface LoadedSegment {
  id: string;
  name: string;
  definition: SegmentDefinition;
  createdAt: Date;
  updatedAt: Date;
}

/** A segment of the caller's workspace, its definition parsed again (404 if it is not theirs). */
export async function loadSegment(scope: WorkspaceScope, id: string, db: DbOrTx = scope.db): Promise<LoadedSegment> {
  const [row] = await db
    .select()
    .from(segments)
    .where(scope.where(segments, eq(segments.id, id)));
  if (!row) throw notFound('Segment');
  return {
    id: row.id,
    name: row.name,
    definition: ZSegmentDefinition.parse(row.definition),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
