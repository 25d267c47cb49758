#!/usr/bin/env node
// Builds what `feedloop serve` runs — the server (one esbuild bundle), the widget and the
// dashboard — rebuilding only the parts whose inputs changed since their last build, so that
// `npm start` without a source change starts at once. A part's fingerprint is a hash of its
// input files' paths and contents (plus package-lock.json: a dependency upgrade rebuilds it);
// it is recorded in dist/.build-state.json after the part built, with a hash of the same files'
// sizes and modification times, so that an unchanged tree is recognised without reading a file
// and a touched but unchanged file (a git checkout) costs one read, not a build. A part whose
// outputs are missing is rebuilt whatever its fingerprint. `--force` rebuilds everything.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STATE_FILE = path.join('dist', '.build-state.json');

const isTest = (file) => /\.test(-d)?\.tsx?$/.test(file);

/**
 * The parts of the build: where each reads (folders walked, with a filter, and single files),
 * what it must leave behind, and the command that builds it.
 */
export const PARTS = [
  {
    name: 'server',
    dirs: [['src', (f) => !isTest(f) && !f.startsWith('src/platform/testing/')]],
    files: ['scripts/build-server.mjs', 'package.json'],
    outputs: ['dist/server/feedloop.js', 'dist/server/init-pglite.js'],
    command: ['scripts/build-server.mjs'],
  },
  {
    name: 'widget',
    dirs: [
      ['widget/src', (f) => !isTest(f)],
      ['src/contracts', (f) => !isTest(f)],
    ],
    files: ['widget/tsconfig.json', 'widget/package.json', 'scripts/build-widget.mjs'],
    outputs: ['dist/widget/loader.js', 'dist/widget/renderer.js', 'widget/dist/index.js'],
    command: ['scripts/build-widget.mjs'],
  },
  {
    name: 'dashboard',
    dirs: [
      ['web/src', (f) => !isTest(f)],
      ['web/public', () => true],
      ['src/contracts', (f) => !isTest(f)],
    ],
    files: ['web/index.html', 'web/vite.config.ts', 'web/tsconfig.json'],
    outputs: ['dist/web/index.html', 'dist/web/.vite/manifest.json'],
    command: ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
  },
];

/** Every input file of a part, relative to root with forward slashes, sorted. */
function inputsOf(root, part) {
  const out = [];
  for (const [dir, keep] of part.dirs) {
    const abs = path.join(root, dir);
    if (!fs.existsSync(abs)) continue;
    for (const entry of fs.readdirSync(abs, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const rel = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      if (keep(rel)) out.push(rel);
    }
  }
  for (const file of [...part.files, 'package-lock.json']) if (fs.existsSync(path.join(root, file))) out.push(file);
  return [...new Set(out)].sort();
}

/** Hash of the part's input files' paths and contents: equal exactly when nothing it reads changed. */
export function fingerprint(root, part, files = inputsOf(root, part)) {
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

/** Hash of the input files' paths, sizes and modification times: the cheap first look. */
function statPrint(root, files) {
  const hash = createHash('sha256');
  for (const file of files) {
    const stat = fs.statSync(path.join(root, file));
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\0`);
  }
  return hash.digest('hex');
}

/** The part's fingerprints now, reading contents only when the sizes or times moved. */
function currentPrints(root, part, recorded) {
  const files = inputsOf(root, part);
  const stats = statPrint(root, files);
  if (recorded && recorded.stats === stats) return { stats, content: recorded.content };
  return { stats, content: fingerprint(root, part, files) };
}

function readState(root) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, STATE_FILE), 'utf8'));
  } catch {
    return {};
  }
}

function writeState(root, state) {
  fs.mkdirSync(path.dirname(path.join(root, STATE_FILE)), { recursive: true });
  fs.writeFileSync(path.join(root, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

/** The parts that need building: inputs changed since their last build, or outputs missing. */
export function staleParts(root = here, parts = PARTS) {
  const state = readState(root);
  const stale = [];
  let refreshed = false;
  for (const part of parts) {
    const recorded = state[part.name];
    const print = currentPrints(root, part, recorded);
    const missing = part.outputs.some((o) => !fs.existsSync(path.join(root, o)));
    if (missing || recorded?.content !== print.content) stale.push({ part, print });
    else if (recorded.stats !== print.stats) {
      state[part.name] = print; // touched, unchanged: the next look needs no read
      refreshed = true;
    }
  }
  if (refreshed) writeState(root, state);
  return stale;
}

const runWithNode = (root, part) => execFileSync(process.execPath, part.command, { cwd: root, stdio: 'inherit' });

/**
 * Builds the stale parts in order and records each one's fingerprint once it built (a part
 * whose build fails stays stale). Returns the names of the parts it built.
 */
export function build({ root = here, parts = PARTS, force = false, run = runWithNode, log = console.error } = {}) {
  const todo = force ? parts.map((part) => ({ part, print: currentPrints(root, part, null) })) : staleParts(root, parts);
  if (todo.length === 0) {
    log('build: up to date');
    return [];
  }
  for (const { part, print } of todo) {
    const state = readState(root);
    delete state[part.name];
    writeState(root, state);
    const started = performance.now();
    run(root, part);
    writeState(root, { ...readState(root), [part.name]: print });
    log(`build: ${part.name} built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return todo.map(({ part }) => part.name);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    build({ force: process.argv.includes('--force') });
  } catch (err) {
    console.error(`build failed: ${err.message}`);
    process.exit(1);
  }
}
