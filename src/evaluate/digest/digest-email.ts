// The digest as an email: HTML laid out with MJML (responsive, table-based markup that mail
// clients render alike, right to left for Persian and Arabic) and the same content as plain text.
// Every value from the workspace (names, topics, themes, idea titles) is escaped before it reaches
// the template. MJML is loaded on first use: its compiler takes seconds to import, which only
// digest work should pay.
import { escapeHtml } from '../../platform/http/html.js';
import type { DigestFrequency } from '../../contracts/digest.js';
import type { DigestContent } from './digest-content.js';
import type { HeadlineFigures } from './digest-figures.js';
import { digestFormatter, type DigestFormatter, type DigestReader } from './digest-format.js';
import { digestMessages } from './digest-messages.js';

export interface DigestEmailInput {
  reader: DigestReader;
  frequency: DigestFrequency;
  content: DigestContent;
  links: { dashboard: string; settings: string; unsubscribe: string };
}

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
}

type Figure = keyof HeadlineFigures;
const FIGURES: Figure[] = ['volume', 'nps', 'csat', 'ces', 'negativeShare', 'slaBreaches', 'loopsClosed'];
const COUNTS: ReadonlySet<Figure> = new Set<Figure>(['volume', 'nps', 'slaBreaches', 'loopsClosed']);

function figureText(f: DigestFormatter, key: Figure, value: number | null, noData: string): string {
  if (value === null) return noData;
  if (COUNTS.has(key)) return f.integer(value);
  if (key === 'ces') return f.decimal(value);
  return f.percent(value);
}

function changeText(f: DigestFormatter, key: Figure, now: number | null, before: number | null): string {
  if (now === null || before === null) return '–';
  const delta = now - before;
  return key === 'ces' ? f.signedDecimal(delta) : f.signed(delta);
}

let compiler: Promise<typeof import('mjml').default> | undefined;
const mjml = () => (compiler ??= import('mjml').then((m) => m.default));

export async function renderDigestEmail(input: DigestEmailInput): Promise<RenderedDigest> {
  const { reader, content, links } = input;
  const t = digestMessages(reader.language);
  const f = digestFormatter(reader);
  const rtl = reader.language === 'fa' || reader.language === 'ar';
  const align = rtl ? 'right' : 'left';
  const dir = rtl ? 'rtl' : 'ltr';
  const period = f.period(content.period);
  const vars = { workspace: content.workspaceName, period };
  const subject = t(`subject_${input.frequency}`, vars).slice(0, 200);
  const noData = t('noData');
  const rows = FIGURES.map((key) => ({
    label: t(key === 'slaBreaches' ? 'slaBreachesFigure' : key === 'loopsClosed' ? 'loopsClosedFigure' : key),
    current: figureText(f, key, content.figures.current[key], noData),
    previous: figureText(f, key, content.figures.previous[key], noData),
    // A left-to-right mark keeps a change's sign before its digits in a right-to-left line (+۳, not ۳+).
    change: `${rtl ? '\u200e' : ''}${changeText(f, key, content.figures.current[key], content.figures.previous[key])}`,
  }));
  // Persian and Arabic separate facts on one line with "،" (a middle dot reads as the Persian zero).
  const sep = rtl ? '، ' : ' · ';
  const drivers = content.drivers.map(
    (d) =>
      `${d.topic}: ${t('mentions')} ${f.integer(d.mentions)}${sep}${t('npsImpact')} ${t('points', { value: f.signedDecimal(-d.npsImpact) })}`,
  );
  const themes = content.themes.map((th) => `«${th.phrase}» (${f.integer(th.count)})`);
  const sla = t('slaBreaches', { count: f.integer(content.slaBreaches) });
  const ideas = t('ideasDone', { count: f.integer(content.ideasDone.count) });

  const e = escapeHtml;
  const heading = (s: string) => `<mj-text font-size="17px" font-weight="700" padding-top="18px">${e(s)}</mj-text>`;
  const list = (items: string[], empty: string) =>
    items.length === 0
      ? `<mj-text color="#5b6475">${e(empty)}</mj-text>`
      : `<mj-text><ul style="margin:0;padding-inline-start:20px">${items.map((i) => `<li style="margin:0 0 4px">${e(i)}</li>`).join('')}</ul></mj-text>`;
  const cell = (s: string, bold = false) =>
    `<td style="padding:6px 4px;border-bottom:1px solid #e3e6eb;text-align:${align}${bold ? ';font-weight:700' : ''}">${e(s)}</td>`;
  const table = `<mj-table>
<tr style="color:#5b6475;font-size:13px">${[t('metric'), t('current'), t('previous'), t('change')].map((h) => cell(h)).join('')}</tr>
${rows.map((r) => `<tr>${cell(r.label)}${cell(r.current, true)}${cell(r.previous)}${cell(r.change)}</tr>`).join('\n')}
</mj-table>`;
  const ideaTitles = content.ideasDone.titles.map((title) => `<li>${e(title)}</li>`).join('');
  const source = `<mjml lang="${reader.language}" dir="${dir}">
<mj-head>
  <mj-title>${e(subject)}</mj-title>
  <mj-attributes>
    <mj-all font-family="Vazirmatn, 'Noto Sans SC', Tahoma, Arial, sans-serif" />
    <mj-text align="${align}" color="#1d2330" font-size="15px" line-height="1.6" />
    <mj-table align="${align}" font-size="14px" color="#1d2330" />
    <mj-section direction="${dir}" />
    <mj-column direction="${dir}" />
  </mj-attributes>
</mj-head>
<mj-body background-color="#f6f7f9">
  <mj-section background-color="#ffffff" border-radius="8px" padding="16px">
    <mj-column>
      <mj-text font-size="22px" font-weight="700">${e(t(`heading_${input.frequency}`))}</mj-text>
      <mj-text color="#5b6475">${e(t('intro', vars))}</mj-text>
      ${heading(t('figures'))}
      ${table}
      ${heading(t('drivers'))}
      ${list(drivers, t('noDrivers'))}
      ${heading(t('themes'))}
      ${list(themes, t('noThemes'))}
      ${heading(t('sla'))}
      <mj-text>${e(sla)}</mj-text>
      ${heading(t('loops'))}
      <mj-text>${e(ideas)}${ideaTitles ? `<ul style="margin:4px 0 0;padding-inline-start:20px">${ideaTitles}</ul>` : ''}</mj-text>
      <mj-button href="${e(links.dashboard)}" background-color="#2f5bd3" align="${align}">${e(t('open'))}</mj-button>
      <mj-divider border-width="1px" border-color="#e3e6eb" />
      <mj-text font-size="12px" color="#5b6475">${e(t('why', vars))}<br /><a href="${e(links.settings)}" style="color:#2f5bd3">${e(
        t('settings'),
      )}</a><br /><a href="${e(links.unsubscribe)}" style="color:#2f5bd3">${e(t('unsubscribe'))}</a></mj-text>
    </mj-column>
  </mj-section>
</mj-body>
</mjml>`;
  const compiled = await (await mjml())(source, { validationLevel: 'strict' });
  const bullet = (items: string[], empty: string) => (items.length ? items.map((i) => `- ${i}`).join('\n') : empty);
  const text = [
    t(`heading_${input.frequency}`),
    t('intro', vars),
    '',
    `${t('figures')}:`,
    ...rows.map((r) => `- ${r.label}: ${r.current} (${t('previous')}: ${r.previous}${sep}${t('change')}: ${r.change})`),
    '',
    `${t('drivers')}:`,
    bullet(drivers, t('noDrivers')),
    '',
    `${t('themes')}:`,
    bullet(themes, t('noThemes')),
    '',
    `${t('sla')}: ${sla}`,
    `${t('loops')}: ${ideas}`,
    ...content.ideasDone.titles.map((title) => `- ${title}`),
    '',
    `${t('open')}: ${links.dashboard}`,
    '',
    '--',
    t('why', vars),
    `${t('settings')}: ${links.settings}`,
    `${t('unsubscribe')}: ${links.unsubscribe}`,
  ].join('\n');
  return { subject, html: compiled.html, text };
}
