import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.js';

const here = path.dirname(fileURLToPath(import.meta.url));

// In a child process: a changed niceness cannot be taken back without privileges.
function niceAfter(nice: number, startNice = 0): number {
  const script = `import { lowerWorkerPriority } from ${JSON.stringify(path.join(here, 'worker-priority.ts'))};
import os from 'node:os'; os.setPriority(${startNice}); console.log(lowerWorkerPriority(${nice}));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(run.stdout.trim());
}

describe('worker priority', () => {
  it('defaults to niceness 10 and takes 0–19 from WORKER_NICE', () => {
    expect(loadConfig({}).workerNice).toBe(10);
    expect(loadConfig({ WORKER_NICE: '0' }).workerNice).toBe(0);
    expect(() => loadConfig({ WORKER_NICE: '20' })).toThrow(/WORKER_NICE/);
    expect(() => loadConfig({ WORKER_NICE: 'low' })).toThrow(/WORKER_NICE/);
  });

  it('raises the niceness, and never lowers one already higher', () => {
    expect(niceAfter(10)).toBe(10);
    expect(niceAfter(0)).toBe(0);
    expect(niceAfter(10, 15)).toBe(15);
  });
});
