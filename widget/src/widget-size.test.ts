// The widget's budgets: the loader every page downloads stays under 5 KB gzipped, the renderer
// (loaded only when something is shown) under 30 KB; neither talks to any other server nor
// touches cookies. And the SDK package carries its module and type declarations.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { buildWidget } from '../../scripts/build-widget.mjs';

export const BUDGET_BYTES = { loader: 5 * 1024, renderer: 30 * 1024 };
let dir: string;
let built: { loader: string; renderer: string; packageDir: string };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-widget-'));
  built = await buildWidget({ outDir: dir, packageDir: path.join(dir, 'package') });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('widget scripts', () => {
  for (const part of ['loader', 'renderer'] as const) {
    it(`${part} fits its budget (${BUDGET_BYTES[part] / 1024} KB gzipped) and stays on its own server`, () => {
      const code = fs.readFileSync(built[part], 'utf8');
      const gzipped = gzipSync(code, { level: 9 }).length;
      expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES[part]);
      // The only absolute URL allowed is the SVG namespace name, which is never fetched.
      const urls = (code.match(/https?:\/\/[^\s"'`)]+/g) ?? []).filter((u) => !u.startsWith('http://www.w3.org/'));
      expect(urls).toEqual([]);
      expect(code).not.toMatch(/document\.cookie/);
    });
  }
});

describe('the @feedloop/widget package', () => {
  it('ships its module and the typed SDK calls that package.json names', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8'));
    const files = [pkg.exports['.'].import, pkg.exports['.'].types].map((f: string) =>
      path.join(built.packageDir, f.replace(/^\.\/dist\//, '')),
    );
    for (const file of files) expect(fs.existsSync(file), file).toBe(true);
    const types = fs.readFileSync(path.join(built.packageDir, 'core', 'sdk.d.ts'), 'utf8');
    for (const call of ['init', 'identify', 'track', 'page', 'setLanguage', 'showSurvey', 'openFeedback', 'reset'])
      expect(types).toContain(`export declare const ${call}:`);
    expect(types).toContain('export interface InitOptions');
  });
});
