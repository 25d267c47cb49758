// The layers, checked on every import in src: platform (config, database, HTTP plumbing, auth,
// jobs, mail) is the bottom and imports no feature; features import platform and each other but
// never the composition root (src/app), which is the only place that knows them all.
// src/platform/testing is the exception: the test harness assembles the whole application.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../platform/paths.js';

const FEATURES = ['collect', 'analyze', 'act', 'loop', 'evaluate', 'customers'];
const src = path.join(packageRoot, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** Every relative module a file imports (static, dynamic, re-exports), as paths under src/. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specs.map((s) =>
    path
      .relative(src, path.resolve(path.dirname(file), s))
      .split(path.sep)
      .join('/'),
  );
}

const files = sourceFiles(src).map((full) => ({ file: path.relative(src, full).split(path.sep).join('/'), imports: importsOf(full) }));
const area = (p: string) => p.split('/')[0];
const violations = (from: (file: string) => boolean, to: (target: string) => boolean) =>
  files.filter((f) => from(f.file)).flatMap((f) => f.imports.filter(to).map((target) => `${f.file} → ${target}`));

describe('layers', () => {
  it('reads the imports of every source file', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(files.find((f) => f.file === 'app/routes.ts')?.imports).toContain('collect/feedback/feedback.routes.js');
  });

  it('platform imports no feature and not the composition root (except the test harness)', () => {
    const inPlatform = (f: string) => area(f) === 'platform' && !f.startsWith('platform/testing/');
    expect(violations(inPlatform, (t) => [...FEATURES, 'app'].includes(area(t)))).toEqual([]);
  });

  it('features never import the composition root', () => {
    expect(
      violations(
        (f) => FEATURES.includes(area(f)),
        (t) => area(t) === 'app',
      ),
    ).toEqual([]);
  });

  it('only tests import the test harness', () => {
    const production = (f: string) => !/\.test\.ts$/.test(f) && !f.startsWith('platform/testing/');
    expect(violations(production, (t) => t.startsWith('platform/testing/'))).toEqual([]);
  });
});
