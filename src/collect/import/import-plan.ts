// How an import reads its file, settled from the first rows before anything is stored: which
// column fills which field (explicit --map first, then known names, then score scales read from
// the values), how dates are read, and the row-by-row conversion that follows from it.
import { ZCreateFeedbackInput, type TCreateFeedbackInput } from '../feedback/feedback.input.js';
import type { ScoreType } from '../feedback/feedback.input.js';
import { describeZodError } from '../../platform/http/zod-types.js';
import { completeMapping, getPath, IMPORT_FIELDS, recordToFeedback, type ColumnMapping, type ImportField } from './column-mapping.js';
import { describeScoreColumn, outsideScale, readScoreColumn, scoreHint, type ScoreColumn } from './score-columns.js';
import { parseImportDate, sampleDates, type DateFormat, type DateReading, type DateSample } from './import-dates.js';

export interface ImportPlan {
  mapping: ColumnMapping;
  /** how each mapped field found its column */
  sources: Partial<Record<ImportField, 'explicit' | 'name' | 'values'>>;
  /** score columns no --map named, with the scale read for each (null: left in metadata) */
  scores: ScoreColumn[];
  dates: { column: string; reading: DateReading; sample: DateSample; explicitFormat: boolean } | null;
  sampleRows: number;
  /** columns kept as metadata */
  metadata: string[];
}

export interface PlanInput {
  explicit: ColumnMapping;
  sample: Array<Record<string, unknown>>;
  nestedPaths: boolean;
  timezone: string;
  dateFormat?: DateFormat;
}

const SCORE_FIELDS: readonly ScoreType[] = ['nps', 'csat', 'ces', 'rating'];

export function planImport(input: PlanInput): ImportPlan {
  const columns = [...new Set(input.sample.flatMap((r) => Object.keys(r)))];
  const mapping = completeMapping(input.explicit, columns, { nestedPaths: input.nestedPaths });
  const sources: ImportPlan['sources'] = {};
  for (const field of IMPORT_FIELDS) if (mapping[field]) sources[field] = input.explicit[field] ? 'explicit' : 'name';

  // Score columns: the explicit mapping wins; each scale takes the first column read as it.
  const used = new Set(Object.values(mapping));
  const scores: ScoreColumn[] = [];
  for (const column of columns) {
    const hint = used.has(column) ? null : scoreHint(column);
    if (!hint) continue;
    let read = readScoreColumn(
      column,
      hint,
      input.sample.map((r) => getPath(r, column)),
    );
    if (read.field && mapping[read.field]) read = { ...read, field: null };
    if (read.field) {
      mapping[read.field] = column;
      sources[read.field] = read.basis;
      used.add(column);
    }
    scores.push(read);
  }
  if (!mapping.text && !SCORE_FIELDS.some((f) => mapping[f])) {
    throw new Error(`No column holds feedback text or a score. Map one, e.g. --map text=<column>. Columns: ${columns.join(', ')}`);
  }
  const dateColumn = mapping.createdAt;
  const dates = dateColumn
    ? (() => {
        const sample = sampleDates(input.sample.map((r) => getPath(r, dateColumn)));
        const reading: DateReading = { timezone: input.timezone, format: input.dateFormat, order: input.dateFormat ? null : sample.order };
        return { column: dateColumn, reading, sample, explicitFormat: input.dateFormat !== undefined };
      })()
    : null;
  return { mapping, sources, scores, dates, sampleRows: input.sample.length, metadata: columns.filter((c) => !used.has(c)) };
}

const DATE_FORMAT_NAMES: Record<DateFormat, string> = {
  jalali: 'Jalali year/month/day',
  iso: 'ISO 8601',
  dmy: 'day/month/year',
  mdy: 'month/day/year',
  ymd: 'year/month/day',
};

function describeDates(dates: NonNullable<ImportPlan['dates']>, sampleRows: number): string {
  const { column, reading, sample } = dates;
  const zone = `; times without an offset are in ${reading.timezone}`;
  if (dates.explicitFormat) return `createdAt ← ${column}: ${DATE_FORMAT_NAMES[reading.format!]} dates (--date-format)${zone}`;
  const calendars =
    [sample.jalali ? 'Jalali' : '', sample.gregorian ? 'Gregorian' : ''].filter(Boolean).join(' and ') || 'any known form of';
  const order = sample.order
    ? `; 07/12/2026-style dates read as ${DATE_FORMAT_NAMES[sample.order]}, as "${sample.example}" in the first ${sampleRows.toLocaleString('en-US')} rows shows (--date-format ${sample.order === 'dmy' ? 'mdy' : 'dmy'} if not)`
    : sample.mixed
      ? '; both day-first and month-first dates occur, so ambiguous ones such as 07/12/2026 are rejected unless you pass --date-format dmy or mdy'
      : '';
  return `createdAt ← ${column}: ${calendars} dates${order}${zone}`;
}

/** What the plan does, a line per decision, for the terminal (at the start and in the summary). */
export function describePlan(plan: ImportPlan): string[] {
  const lines: string[] = [];
  const inferred = new Set(plan.scores.map((s) => s.column));
  for (const field of IMPORT_FIELDS) {
    const column = plan.mapping[field];
    if (!column || inferred.has(column) || field === 'createdAt') continue;
    lines.push(`${field} ← ${column}${plan.sources[field] === 'explicit' ? ' (--map)' : ''}`);
  }
  for (const score of plan.scores) lines.push(describeScoreColumn(score, plan.sampleRows));
  if (plan.dates) lines.push(describeDates(plan.dates, plan.sampleRows));
  if (plan.metadata.length) lines.push(`metadata ← ${plan.metadata.join(', ')}`);
  return lines;
}

export type PreparedRow = { ok: true; input: TCreateFeedbackInput } | { ok: false; field: string; reason: string };

/** One record as a feedback create body, or the reason it is rejected. */
export function prepareRow(
  plan: ImportPlan,
  record: Record<string, unknown>,
  defaults: { channel: string; externalId: string },
): PreparedRow {
  const body = recordToFeedback(record, plan.mapping, defaults);
  for (const score of plan.scores) {
    if (!score.field) continue;
    const value = body[score.field];
    const reason = value === undefined ? null : outsideScale({ ...score, field: score.field }, value, plan.sampleRows);
    if (reason) return { ok: false, field: score.field, reason };
  }
  if (plan.dates && body.createdAt !== undefined) {
    const parsed = parseImportDate(getPath(record, plan.dates.column), plan.dates.reading);
    if (!parsed.ok) return { ok: false, field: 'createdAt', reason: `createdAt: ${parsed.reason}` };
    body.createdAt = parsed.at.toISOString();
  }
  const parsed = ZCreateFeedbackInput.safeParse(body);
  if (parsed.success) return { ok: true, input: parsed.data };
  const { field, message } = describeZodError(parsed.error, 'row');
  return { ok: false, field, reason: message };
}
