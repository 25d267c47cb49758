// The rules that keep the contracts shareable: they depend on nothing but zod and each other, the
// dashboard and the widget reach the server only through them (by the @feedloop/contracts name),
// and what the clients import as values brings no zod into their bundles. That the server keeps
// to the contracts is checked by the compiler (conformance.test-d.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const contractsDir = path.join(root, 'src/contracts');

interface Import {
  specifier: string;
  typeOnly: boolean;
}

/** Every file under `dir` (relative to the repository) whose name ends with one of `extensions`. */
function filesUnder(dir: string, extensions: string[]): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => extensions.some((ext) => file.endsWith(ext)))
    .map((file) => path.join(dir, file));
}

/** The modules a source file imports (static, re-exported, side-effect and dynamic imports). */
function importsOf(file: string): Import[] {
  const source = fs.readFileSync(path.join(root, file), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  const found: Import[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    const specifiers = m[3]
      .replace(/^\{|\}$/g, '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const everyType = specifiers.length > 0 && m[3].startsWith('{') && specifiers.every((s) => s.startsWith('type '));
    found.push({ specifier: m[4], typeOnly: Boolean(m[2]) || everyType });
  }
  for (const m of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push({ specifier: m[1], typeOnly: false });
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ specifier: m[1], typeOnly: false });
  return found;
}

const isTest = (file: string) => /\.test(-d)?\.tsx?$/.test(file);
const contractsFiles = filesUnder('src/contracts', ['.ts']);
const clientFiles = [...filesUnder('web/src', ['.ts', '.tsx']), ...filesUnder('widget/src', ['.ts'])];

describe('contracts', () => {
  it('import nothing but zod and other contracts files', () => {
    const outside: string[] = [];
    for (const file of contractsFiles.filter((f) => !isTest(f))) {
      for (const { specifier } of importsOf(file)) {
        const inside = specifier.startsWith('.') && path.resolve(root, path.dirname(file), specifier).startsWith(contractsDir + path.sep);
        if (specifier !== 'zod' && !inside) outside.push(`${file}: ${specifier}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('are what the dashboard and the widget import of the server, by name, never by a relative path', () => {
    // Tests may also import the browser harness and the widget build (which start the server themselves).
    const harnesses = ['web/e2e/browser.js', 'scripts/build-widget.mjs'];
    const leaving: string[] = [];
    for (const file of clientFiles) {
      const pkg = file.split(path.sep)[0];
      for (const { specifier } of importsOf(file)) {
        if (!specifier.startsWith('.')) continue;
        const target = path.relative(root, path.resolve(root, path.dirname(file), specifier));
        if (target.startsWith(`${pkg}${path.sep}`)) continue;
        if (isTest(file) && harnesses.includes(target.split(path.sep).join('/'))) continue;
        leaving.push(`${file}: ${specifier}`);
      }
    }
    expect(leaving).toEqual([]);
  });

  it('bring no zod into the dashboard and the widget: values come from zod-free files', () => {
    // A contracts file brings zod along when it, or a file it imports values from, imports zod.
    const withZod = new Set<string>();
    const valueImports = new Map(
      contractsFiles.map((file) => [
        path.basename(file, '.ts'),
        importsOf(file)
          .filter((i) => !i.typeOnly)
          .map((i) => i.specifier),
      ]),
    );
    for (let grew = true; grew; ) {
      grew = false;
      for (const [name, specifiers] of valueImports) {
        if (withZod.has(name)) continue;
        if (specifiers.some((s) => s === 'zod' || withZod.has(path.basename(s, '.js')))) {
          withZod.add(name);
          grew = true;
        }
      }
    }
    expect(withZod.has('survey-definition')).toBe(true);
    // Tests of the dashboard may check its drafts against the server's schemas: they are never bundled.
    const zodInBundles = clientFiles
      .filter((file) => !isTest(file))
      .flatMap((file) =>
        importsOf(file)
          .filter(
            (i) =>
              !i.typeOnly &&
              i.specifier.startsWith('@feedloop/contracts/') &&
              withZod.has(i.specifier.slice('@feedloop/contracts/'.length)),
          )
          .map((i) => `${file}: ${i.specifier}`),
      );
    expect(zodInBundles).toEqual([]);
  });
});
