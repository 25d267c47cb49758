// A pasted list of customers (emails, phone numbers or external ids, one per line, or separated
// by commas, semicolons or tabs) resolved to the workspace's customers, the way identify matches
// them: external id first, then email, then phone (Persian/Arabic digits too), also through the
// identifiers of customers merged into others. Each entry that cannot be used is reported with
// its line, so the sender sees it before anything is sent.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { pgArray } from '../../platform/db/pg-array.js';
import { AppError } from '../../platform/http/errors.js';
import { emailKey, phoneKey } from '../../customers/customers/identify-customer.js';
import { SURVEY_LIMITS } from './limits.js';
import type { ListProblem } from '../../contracts/survey-sending.js';

export interface ListEntry {
  /** 1-based line of the pasted text */
  line: number;
  value: string;
}

export type { ListProblem };

export interface ListReport {
  /** entries read from the list */
  entries: number;
  problems: Array<ListEntry & { problem: ListProblem; sameAsLine?: number }>;
}

export interface ResolvedList {
  /** each customer once, in list order, with the entry that named them */
  customers: Array<ListEntry & { customerId: string }>;
  report: ListReport;
}

// Western and Arabic-script commas and semicolons, Chinese ones and the enumeration comma, tabs.
const SEPARATORS = /[,;\t\u060C\u061B\uFF0C\uFF1B\u3001]+/;
const NAMED_ADDRESS = /^.*<([^<>\s]+@[^<>\s]+)>$/;
const PHONE_SHAPED = /^[+(]?[\d\u06F0-\u06F9\u0660-\u0669][\d\u06F0-\u06F9\u0660-\u0669\s().\-/]*$/;
const isEmail = (value: string) => z.email().safeParse(value).success;

/** The entries of a pasted list, each with its line; "Sara <sara@example.com>" gives the address. */
export function parseRecipientList(text: string): ListEntry[] {
  const entries: ListEntry[] = [];
  text.split(/\r\n|\r|\n/).forEach((row, i) => {
    for (const part of row.split(SEPARATORS)) {
      const value = part
        .trim()
        .replace(/^["'“”«»]+|["'“”«»]+$/g, '')
        .trim();
      if (!value) continue;
      const words = value.split(/\s+/);
      // Addresses separated by spaces only; a phone number keeps its spaces.
      if (words.length > 1 && words.every((w) => w.includes('@'))) words.forEach((w) => entries.push({ line: i + 1, value: w }));
      else entries.push({ line: i + 1, value: NAMED_ADDRESS.exec(value)?.[1] ?? value });
    }
  });
  return entries;
}

/** Finds the customers a pasted list names; refuses a list longer than the limit (400). */
export async function resolveRecipientList(scope: WorkspaceScope, text: string): Promise<ResolvedList> {
  const entries = parseRecipientList(text);
  if (entries.length > SURVEY_LIMITS.maxListEntries) {
    throw new AppError(
      400,
      'invalid_input',
      `list: at most ${SURVEY_LIMITS.maxListEntries} entries at once (this list has ${entries.length}); send to a segment instead`,
      'list',
    );
  }
  const usable = entries.filter((e) => e.value.length <= SURVEY_LIMITS.maxListEntryLength);
  const emailOf = (v: string) => (v.includes('@') && isEmail(v) ? emailKey(v) : null);
  const phoneOf = (v: string) => (PHONE_SHAPED.test(v) ? phoneKey(v) : null);
  const externalIds = [...new Set(usable.map((e) => e.value))];
  const emails = [...new Set(usable.map((e) => emailOf(e.value)).filter((v): v is string => v !== null))];
  const phones = [...new Set(usable.map((e) => phoneOf(e.value)).filter((v): v is string => v !== null))];
  const found = await findByIdentifiers(scope, { externalIds, emails, phones });

  const customers: ResolvedList['customers'] = [];
  const problems: ListReport['problems'] = [];
  const firstLineOf = new Map<string, number>();
  const firstByValue = new Map<string, number>();
  for (const entry of entries) {
    const earlier = firstByValue.get(entry.value);
    if (earlier !== undefined) {
      problems.push({ ...entry, problem: 'duplicate', sameAsLine: earlier });
      continue;
    }
    firstByValue.set(entry.value, entry.line);
    if (entry.value.length > SURVEY_LIMITS.maxListEntryLength) {
      problems.push({ ...entry, value: `${entry.value.slice(0, 40)}…`, problem: 'too_long' });
      continue;
    }
    const email = emailOf(entry.value),
      phone = phoneOf(entry.value);
    const customerId =
      found.get(`x:${entry.value}`) ?? (email ? found.get(`e:${email}`) : undefined) ?? (phone ? found.get(`p:${phone}`) : undefined);
    if (!customerId) {
      problems.push({ ...entry, problem: entry.value.includes('@') && !email ? 'invalid_email' : 'not_found' });
      continue;
    }
    const sameCustomer = firstLineOf.get(customerId);
    if (sameCustomer !== undefined) {
      problems.push({ ...entry, problem: 'duplicate', sameAsLine: sameCustomer });
      continue;
    }
    firstLineOf.set(customerId, entry.line);
    customers.push({ ...entry, customerId });
  }
  return { customers, report: { entries: entries.length, problems } };
}

/** `x:`/`e:`/`p:` + identifier → customer id; a customer's own identifiers win over merged ones. */
async function findByIdentifiers(
  scope: WorkspaceScope,
  ids: { externalIds: string[]; emails: string[]; phones: string[] },
): Promise<Map<string, string>> {
  if (ids.externalIds.length === 0) return new Map();
  const [xs, es, ps] = [pgArray(ids.externalIds), pgArray(ids.emails), pgArray(ids.phones)];
  const rows = await scope.database.rows<{ key: string; id: string }>(sql`
    select m.key, m.id from (
      select 'x:' || c.external_id as key, c.id, 0 as rank from customers c where c.workspace_id = ${scope.workspaceId} and c.external_id = any(${xs}::text[])
      union all select 'e:' || c.email_key, c.id, 0 from customers c where c.workspace_id = ${scope.workspaceId} and c.email_key = any(${es}::text[])
      union all select 'p:' || c.phone_key, c.id, 0 from customers c where c.workspace_id = ${scope.workspaceId} and c.phone_key = any(${ps}::text[])
      union all select (case a.kind when 'external_id' then 'x:' when 'email' then 'e:' else 'p:' end) || a.value, a.customer_id, 1
        from customer_aliases a where a.workspace_id = ${scope.workspaceId} and (
          (a.kind = 'external_id' and a.value = any(${xs}::text[])) or (a.kind = 'email' and a.value = any(${es}::text[])) or (a.kind = 'phone' and a.value = any(${ps}::text[])))
    ) m order by m.rank desc`);
  // Later rows overwrite earlier ones: rank 0 (the customer's own identifier) comes last.
  return new Map(rows.map((r) => [r.key, r.id]));
}
