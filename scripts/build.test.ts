// The build's staleness check (scripts/build.mjs) on a small tree laid out like the repository:
// each part is rebuilt exactly when one of its own inputs changed or its outputs are gone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, PARTS } from './build.mjs';

interface Part {
  name: string;
  outputs: string[];
}

const TREE: Record<string, string> = {
  'package.json': '{"type":"module"}',
  'package-lock.json': '{}',
  'tsconfig.json': '{}',
  'src/app/cli.ts': 'export {};',
  'src/collect/feedback/feedback.service.ts': 'export const a = 1;',
  'src/collect/feedback/feedback.test.ts': 'test',
  'src/platform/testing/harness.ts': 'export {};',
  'src/contracts/feedback.ts': 'export const CHANNELS = [];',
  'src/analyze/model/artifacts/analysis-model.bin': 'model',
  'scripts/build-server.mjs': '',
  'scripts/build-widget.mjs': '',
  'widget/src/loader.ts': 'export {};',
  'widget/tsconfig.json': '{}',
  'widget/package.json': '{}',
  'web/index.html': '<html></html>',
  'web/vite.config.ts': 'export default {};',
  'web/tsconfig.json': '{}',
  'web/src/main.tsx': 'export {};',
  'web/src/format.test.ts': 'test',
};

let root: string;
let built: string[];

/** Stands in for esbuild and vite: records the part and leaves its outputs behind. */
const run = (dir: string, part: Part) => {
  built.push(part.name);
  for (const output of part.outputs) {
    fs.mkdirSync(path.dirname(path.join(dir, output)), { recursive: true });
    fs.writeFileSync(path.join(dir, output), 'built');
  }
};
const buildNow = () => {
  built = [];
  build({ root, run, log: () => {} });
  return built;
};
const edit = (file: string, text = `${TREE[file] ?? ''}\n// changed`) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-build-'));
  for (const [file, text] of Object.entries(TREE)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('npm start builds only what changed', () => {
  it('builds every part the first time, in order, and nothing when nothing changed', () => {
    expect(buildNow()).toEqual(['server', 'widget', 'dashboard']);
    expect(buildNow()).toEqual([]);
  });

  it('a changed server file rebuilds only the server', () => {
    buildNow();
    edit('src/collect/feedback/feedback.service.ts');
    expect(buildNow()).toEqual(['server']);
    expect(buildNow()).toEqual([]);
  });

  it('a changed dashboard file rebuilds only the dashboard', () => {
    buildNow();
    edit('web/src/main.tsx');
    expect(buildNow()).toEqual(['dashboard']);
  });

  it('a changed widget file rebuilds only the widget; a changed contract the three parts that read it', () => {
    buildNow();
    edit('widget/src/loader.ts');
    expect(buildNow()).toEqual(['widget']);
    edit('src/contracts/feedback.ts');
    expect(buildNow()).toEqual(['server', 'widget', 'dashboard']);
  });

  it('a changed model file rebuilds the server (which bundles one); a new dependency everything', () => {
    buildNow();
    edit('src/analyze/model/artifacts/analysis-model.bin');
    expect(buildNow()).toEqual(['server']);
    edit('package-lock.json', '{"lockfileVersion":3}');
    expect(buildNow()).toEqual(['server', 'widget', 'dashboard']);
  });

  it('tests and the test harness are not inputs', () => {
    buildNow();
    edit('src/collect/feedback/feedback.test.ts');
    edit('src/platform/testing/harness.ts');
    edit('web/src/format.test.ts');
    expect(buildNow()).toEqual([]);
  });

  it('a touched but unchanged file builds nothing; a new file builds its part', () => {
    buildNow();
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(path.join(root, 'src/app/cli.ts'), later, later);
    expect(buildNow()).toEqual([]);
    edit('web/src/pages/new-page.tsx', 'export {};');
    expect(buildNow()).toEqual(['dashboard']);
  });

  it('a part whose outputs are gone is rebuilt, and one whose build failed stays stale', () => {
    buildNow();
    fs.rmSync(path.join(root, 'dist/widget'), { recursive: true });
    expect(buildNow()).toEqual(['widget']);
    edit('src/app/cli.ts');
    expect(() =>
      build({
        root,
        log: () => {},
        run: (_dir: string, part: Part) => {
          throw new Error(`${part.name} failed`);
        },
      }),
    ).toThrow('server failed');
    expect(buildNow()).toEqual(['server']);
  });

  it('the parts are the server, the widget and the dashboard', () => {
    expect((PARTS as Part[]).map((p) => p.name)).toEqual(['server', 'widget', 'dashboard']);
  });
});
