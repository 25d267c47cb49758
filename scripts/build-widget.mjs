#!/usr/bin/env node
// Builds the website widget: the loader and the renderer that Feedloop serves to customers'
// pages (dist/widget/, minified, one file each), and the SDK package's module (widget/dist/).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Browsers from 2019 on (Safari 13): every evergreen browser and in-app web view in use.
const target = ['es2019', 'chrome70', 'firefox68', 'safari13'];

/** Builds everything; returns the paths of the two scripts served to pages. */
export async function buildWidget({ outDir = path.join(root, 'dist', 'widget') } = {}) {
  const common = { bundle: true, target, legalComments: 'none', logLevel: 'warning', charset: 'utf8' };
  const loader = path.join(outDir, 'loader.js');
  const renderer = path.join(outDir, 'renderer.js');
  await Promise.all([
    build({ ...common, entryPoints: [path.join(root, 'widget/src/loader.ts')], outfile: loader, format: 'iife', minify: true }),
    build({ ...common, entryPoints: [path.join(root, 'widget/src/renderer/index.ts')], outfile: renderer, format: 'iife', minify: true }),
    build({ ...common, entryPoints: [path.join(root, 'widget/src/index.ts')], outfile: path.join(root, 'widget/dist/index.js'), format: 'esm' }),
  ]);
  return { loader, renderer };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildWidget();
}
