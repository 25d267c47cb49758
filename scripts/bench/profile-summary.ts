/**
 * Summarises V8 CPU profiles (.cpuprofile, as BENCH_PROFILE_DIR writes them): self time by
 * function and by module (package, or source file for Feedloop's own code).
 *
 *   BENCH_PROFILE_DIR=/tmp/prof BENCH_ONLY=cpu npm run bench
 *   npx tsx scripts/bench/profile-summary.ts /tmp/prof/CPU.*.cpuprofile [--top 40]
 *
 * Time inside PGlite is charged to "(no Feedloop caller)" when the stack that ran it started in
 * an asynchronous turn (the connection queue runs every statement from setImmediate).
 */
import fs from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 30;
const files = args.filter((a, i) => !a.startsWith('--') && (topAt < 0 || i !== topAt + 1));

/** The package (node_modules/<name>), the source file under src/, or the bundle's kind of code. */
function moduleOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  const src = url.match(/\/(src\/.*|dist\/.*)$/);
  if (src) return src[1];
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\//, '');
}

for (const file of files) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const mod = moduleOf(url, functionName);
    const fn = `${functionName || '(anonymous)'} ${mod}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    byModule.set(mod, (byModule.get(mod) ?? 0) + us);
  }
  const show = (title: string, m: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
  };
  // Time inside the database engine (WebAssembly, PGlite's JavaScript) charged to the nearest
  // Feedloop function on the stack: which of our statements the engine spends its time on.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ours = (url: string) => /\/(src|dist\/server)\//.test(url) && !url.includes('node_modules');
  const engine = (url: string) => url.startsWith('wasm://') || url.includes('@electric-sql/pglite');
  const byCaller = new Map<string, number>();
  for (const [id, us] of self) {
    if (!engine(byId.get(id)!.callFrame.url)) continue;
    let at: number | undefined = id;
    let name = '(no Feedloop caller)';
    while (at !== undefined) {
      const f = byId.get(at)!.callFrame;
      if (ours(f.url) && f.functionName && !['rows', 'execute', 'take', 'next', 'work', 'timed'].includes(f.functionName)) {
        name = `${f.functionName} ${moduleOf(f.url, f.functionName)}:${f.lineNumber + 1}`;
        break;
      }
      at = parent.get(at);
    }
    byCaller.set(name, (byCaller.get(name) ?? 0) + us);
  }
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
  show('self time by module', byModule);
  show('self time by function', byFunction);
  show('database engine time by the Feedloop function that called it', byCaller);
}
