/**
 * The dashboard's download size, from the build's manifest (dist/web/.vite/manifest.json): the
 * gzipped JavaScript of the first screen (the entry chunk and everything it imports statically)
 * against its target, and each lazily loaded chunk (pages behind React.lazy) on its own. No
 * database needed.
 *
 *   BENCH_ONLY=dashboard npm run bench
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from './processes.js';
import { table } from './report.js';

export const DASHBOARD_TARGETS = { initialJsKb: 250 };

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface DashboardBenchResult {
  initial: { files: string[]; jsGzip: number; cssGzip: number };
  lazy: Array<{ name: string; jsGzip: number; cssGzip: number }>;
  fonts: { files: number; bytes: number };
}

const webDist = () => path.join(repoRoot, 'dist', 'web');
const gzipped = (file: string) => gzipSync(fs.readFileSync(path.join(webDist(), file)), { level: 9 }).length;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** A chunk and its static imports, each once. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

export function measureDashboard(): DashboardBenchResult {
  const manifestFile = path.join(webDist(), '.vite', 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: run npm run build first`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  const sizes = (keys: Iterable<string>) => {
    const chunks = [...keys].map((key) => manifest[key]);
    return {
      files: chunks.map((chunk) => chunk.file),
      jsGzip: sum(chunks.map((chunk) => gzipped(chunk.file))),
      cssGzip: sum(chunks.flatMap((chunk) => chunk.css ?? []).map(gzipped)),
    };
  };
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry && key.endsWith('.html'));
  if (!entry) throw new Error('the manifest has no entry chunk');
  const initialKeys = staticClosure(manifest, entry);
  const lazy = Object.keys(manifest)
    .filter((key) => manifest[key].isDynamicEntry)
    .map((key) => {
      const own = [...staticClosure(manifest, key)].filter((k) => !initialKeys.has(k));
      return { name: path.basename(key), ...sizes(own) };
    });
  // Stylesheets imported with import() (the Chinese font's rules) are entries of their own.
  for (const [key, chunk] of Object.entries(manifest)) {
    if (chunk.file.endsWith('.css'))
      lazy.push({ name: key.replace(/^.*node_modules\//, ''), files: [chunk.file], jsGzip: 0, cssGzip: gzipped(chunk.file) });
  }
  const fontFiles = fs.readdirSync(path.join(webDist(), 'assets')).filter((file) => file.endsWith('.woff2'));
  return {
    initial: sizes(initialKeys),
    lazy,
    fonts: { files: fontFiles.length, bytes: sum(fontFiles.map((file) => fs.statSync(path.join(webDist(), 'assets', file)).size)) },
  };
}

export function dashboardReport(r: DashboardBenchResult): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const met = r.initial.jsGzip <= DASHBOARD_TARGETS.initialJsKb * 1024;
  return table(
    ['measure', 'value', 'target'],
    [
      [
        `dashboard first screen JS, gzipped (${r.initial.files.length} chunk${r.initial.files.length === 1 ? '' : 's'})`,
        kb(r.initial.jsGzip),
        `≤ ${DASHBOARD_TARGETS.initialJsKb} KB ${met ? '(met)' : '(NOT met)'}`,
      ],
      ['dashboard first screen CSS, gzipped', kb(r.initial.cssGzip), '—'],
      ...r.lazy.map((chunk) => [`  lazy chunk ${chunk.name}, gzipped JS / CSS`, `${kb(chunk.jsGzip)} / ${kb(chunk.cssGzip)}`, '']),
      [
        'bundled fonts (woff2, each downloaded only for the characters a page shows)',
        `${r.fonts.files} files, ${(r.fonts.bytes / 1024 / 1024).toFixed(1)} MB`,
        '',
      ],
    ],
  );
}

// Run on its own: `npx tsx scripts/bench/dashboard.ts` after a build.
if (import.meta.url === `file://${process.argv[1]}`) console.log(dashboardReport(measureDashboard()));
