// The PDF report as HTML: a heading, the filters, and the table, in the reader's language,
// direction, digits and calendar, with the dashboard's bundled fonts. Every value is escaped.
import { html, SafeHtml } from '../../platform/http/html.js';
import { PAGE_FONT_CSS, pageFontsHref } from '../../platform/http/page-fonts.js';
import type { Locale } from '../../contracts/locales.js';
import type { CellValue } from './export-sources.js';
import { isRightToLeft, type ExportSheet } from './export-sheet.js';
import { reportWords } from './export-labels.js';

const BASE_TAG: Record<Locale, string> = { en: 'en-GB', fa: 'fa-IR', ar: 'ar', zh: 'zh-CN' };
const DIGITS: Record<Locale, string> = { en: 'latn', fa: 'arabext', ar: 'arab', zh: 'latn' };
const CALENDAR_TAG = { gregorian: 'gregory', persian: 'persian', hijri: 'islamic-umalqura' } as const;

function readerFormats(sheet: ExportSheet) {
  const { locale } = sheet;
  const dateTag = `${BASE_TAG[locale]}-u-ca-${CALENDAR_TAG[sheet.dates.calendar]}-nu-${DIGITS[locale]}`;
  const numberTag = `${BASE_TAG[locale]}-u-nu-${DIGITS[locale]}`;
  const number = new Intl.NumberFormat(numberTag, { maximumFractionDigits: 1 });
  // Columns with more fraction digits (p-values) get their own formatter, made once per column.
  const precise = new Map(
    sheet.columns.flatMap((c) => (c.digits ? [[c.key, new Intl.NumberFormat(numberTag, { maximumFractionDigits: c.digits })]] : [])),
  );
  const moment = new Intl.DateTimeFormat(dateTag, { dateStyle: 'medium', timeStyle: 'short', timeZone: sheet.dates.timeZone });
  const day = new Intl.DateTimeFormat(dateTag, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    number: (n: number) => number.format(n),
    moment: (d: Date) => moment.format(d),
    cell(value: CellValue, column: { key: string; type: string }): string {
      const { type } = column;
      if (value == null) return '';
      if (value instanceof Date) return moment.format(value);
      if (typeof value === 'number') return (precise.get(column.key) ?? number).format(value);
      if (type === 'day') return day.format(new Date(`${value}T00:00:00Z`));
      return value;
    },
  };
}

const STYLE = `@page{size:A4 landscape;margin:12mm}
body{margin:0;font-size:9pt;color:#1f2328}
h1{font-size:15pt;margin:0 0 2mm}
p{margin:0 0 2mm;color:#57606a}
table{border-collapse:collapse;width:100%;table-layout:auto}
th,td{border:0.5pt solid #d0d7de;padding:1.2mm 1.6mm;text-align:start;vertical-align:top;overflow-wrap:anywhere}
th{background:#f6f8fa;font-weight:600}
thead{display:table-header-group}
tr{break-inside:avoid}
td.number{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
td.text{white-space:pre-wrap}`;

// Constant CSS, not text: quotes in font names must reach the style sheet as they are.
const STYLE_SHEET = new SafeHtml(`${STYLE}\n${PAGE_FONT_CSS}`);

export function reportHtml(sheet: ExportSheet, rows: CellValue[][], cut: boolean, exportedAt: Date): string {
  const f = readerFormats(sheet);
  const filters = Object.entries(sheet.filters);
  const body: SafeHtml = html`<h1>${sheet.title}</h1>
    <p>${reportWords(sheet.locale, 'exported', { workspace: sheet.workspaceName, date: f.moment(exportedAt) })} ·
      ${reportWords(sheet.locale, 'rows', { rows: f.number(rows.length) })}</p>
    ${filters.length ? html`<p>${reportWords(sheet.locale, 'filters')}: <bdi>${filters.map(([k, v]) => `${k}=${v}`).join(' · ')}</bdi></p>` : ''}
    ${cut ? html`<p>${reportWords(sheet.locale, 'cut', { shown: f.number(rows.length) })}</p>` : ''}
    ${
      rows.length === 0
        ? html`<p>${reportWords(sheet.locale, 'empty')}</p>`
        : html`<table>
      <thead><tr>${sheet.columns.map((c) => html`<th>${c.header}</th>`)}</tr></thead>
      <tbody>${rows.map(
        (row) =>
          html`<tr>${row.map((value, i) => {
            const type = sheet.columns[i].type;
            const kind = type === 'number' ? 'number' : type === 'text' ? 'text' : 'date';
            return html`<td class="${kind}" dir="auto">${f.cell(value, sheet.columns[i])}</td>`;
          })}</tr>`,
      )}</tbody>
    </table>`
    }`;
  const fonts = pageFontsHref();
  return html`<!doctype html>
<html lang="${sheet.locale}" dir="${isRightToLeft(sheet.locale) ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><title>${sheet.title}</title>
${fonts ? html`<link rel="stylesheet" href="${fonts}">` : ''}
<style>${STYLE_SHEET}</style></head>
<body>${body}</body></html>`.toString();
}
