#!/usr/bin/env node
// Builds the website widget: the loader and the renderer that Feedloop serves to customers'
// pages (dist/widget/, minified, one file each), and the SDK package's module (widget/dist/).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Browsers from 2019 on (Safari 13): every evergreen browser and in-app web view in use.
const target = ['es2019', 'chrome70', 'firefox68', 'safari13'];
// The request/response contracts the widget shares with the server (widget/tsconfig.json maps the same name).
const alias = { '@feedloop/contracts': path.join(root, 'src/contracts') };

/**
 * The package's type declarations: the SDK's public surface (index.ts and core/sdk.ts), which
 * depends on nothing else, so the package carries just those two files.
 */
function buildDeclarations(packageDir) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-widget-dts-'));
  try {
    const config = path.join(tmp, 'tsconfig.json');
    fs.writeFileSync(
      config,
      JSON.stringify({
        extends: path.join(root, 'widget/tsconfig.json'),
        compilerOptions: {
          noEmit: false,
          declaration: true,
          emitDeclarationOnly: true,
          outDir: path.join(tmp, 'out'),
          rootDir: root,
          typeRoots: [path.join(root, 'node_modules/@types')],
        },
        files: [path.join(root, 'widget/src/index.ts')],
      }),
    );
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', config], { stdio: 'inherit' });
    for (const file of ['index.d.ts', 'core/sdk.d.ts']) {
      fs.mkdirSync(path.dirname(path.join(packageDir, file)), { recursive: true });
      fs.copyFileSync(path.join(tmp, 'out', 'widget', 'src', file), path.join(packageDir, file));
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Builds everything; returns the paths of the two scripts served to pages and the package's folder. */
export async function buildWidget({ outDir = path.join(root, 'dist', 'widget'), packageDir = path.join(root, 'widget', 'dist') } = {}) {
  const common = { bundle: true, target, alias, legalComments: 'none', logLevel: 'warning', charset: 'utf8' };
  const loader = path.join(outDir, 'loader.js');
  const renderer = path.join(outDir, 'renderer.js');
  await Promise.all([
    build({ ...common, entryPoints: [path.join(root, 'widget/src/loader.ts')], outfile: loader, format: 'iife', minify: true }),
    build({ ...common, entryPoints: [path.join(root, 'widget/src/renderer/index.ts')], outfile: renderer, format: 'iife', minify: true }),
    build({ ...common, entryPoints: [path.join(root, 'widget/src/index.ts')], outfile: path.join(packageDir, 'index.js'), format: 'esm' }),
  ]);
  buildDeclarations(packageDir);
  return { loader, renderer, packageDir };
}

// What the build reads: a change to any of these makes the built files stale.
const INPUTS = ['widget/src', 'src/contracts', 'widget/tsconfig.json', 'widget/package.json', 'scripts/build-widget.mjs'];

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/**
 * Builds the widget into dist/widget and widget/dist unless every built file is newer than every
 * input: tests that serve the widget call it, and `npm test` has built it once already before
 * they start.
 */
export async function ensureWidgetBuilt() {
  const outputs = [
    path.join(root, 'dist', 'widget', 'loader.js'),
    path.join(root, 'dist', 'widget', 'renderer.js'),
    path.join(root, 'widget', 'dist', 'index.js'),
    path.join(root, 'widget', 'dist', 'index.d.ts'),
  ];
  const built = Math.min(...outputs.map((file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0)));
  const inputs = Math.max(...INPUTS.map((input) => newestMtime(path.join(root, input))));
  if (built >= inputs) return;
  await buildWidget();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildWidget();
}
