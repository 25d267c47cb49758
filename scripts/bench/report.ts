// Plain-text tables for the benchmark report.
import os from 'node:os';

export const fmt = {
  int: (n: number) => Math.round(n).toLocaleString('en-US'),
  ms: (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`,
  s: (n: number) => `${n.toFixed(1)} s`,
  mb: (n: number) => `${Math.round(n)} MB`,
};

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export interface Figure {
  measure: string;
  engine: string;
  value: string;
  /** e.g. '≥ 2,000 req/s' or '' when this figure has no target on this engine. */
  target: string;
  met: boolean | null;
  note?: string;
}

export function figuresTable(figures: Figure[]): string {
  let previous = '';
  return table(
    ['measure', 'engine', 'value', 'target', 'met', 'note'],
    figures.map((f) => {
      const measure = f.measure === previous ? '' : f.measure;
      previous = f.measure;
      return [measure, f.engine, f.value, f.target || '—', f.met === null ? '' : f.met ? 'yes' : 'NO', f.note ?? ''];
    }),
  );
}

export function machineLine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${fmt.mb(os.totalmem() / 1024 / 1024)} RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}
