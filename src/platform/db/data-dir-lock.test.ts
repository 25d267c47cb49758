import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { lockDataDir, DataDirLockedError } from './data-dir-lock.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-lock-'));

describe('data directory lock', () => {
  it('a second holder is refused with the holder named; release frees it', () => {
    const dir = tmp();
    const release = lockDataDir(dir);
    // The same pid re-locking is a second opener too (e.g. two databases in one process).
    fs.writeFileSync(path.join(dir, 'feedloop.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(String(process.ppid));
    fs.writeFileSync(path.join(dir, 'feedloop.lock'), String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'feedloop.lock'))).toBe(false);
    lockDataDir(dir)();
  });

  it('takes over a lock left by a crashed process', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'feedloop.lock'), '999999999');
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'feedloop.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('a second feedloop process on a held directory exits non-zero naming the holder, data intact', async () => {
    const dir = tmp();
    const { openDatabase } = await import('./client.js');
    // The SQL migrations only: no table list is needed to hold the directory.
    const schema = { tables: {}, dataMigrations: [] };
    const first = await openDatabase({ dataDir: dir, schema });
    await first.migrate();
    const { sql } = await import('drizzle-orm');
    await first.rows(sql`create table keep_me (v int)`);
    await first.rows(sql`insert into keep_me values (42)`);
    const cli = path.resolve('src/app/cli.ts');
    // Starting a second Node with tsx takes over a minute on a busy machine.
    const second = spawnSync(process.execPath, ['--import', 'tsx', cli, 'migrate'], {
      env: { ...process.env, DATA_DIR: dir },
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(second.status).toBe(75);
    expect(second.stderr).toContain(`pid ${process.pid}`);
    const rows = await first.rows<{ v: number }>((await import('drizzle-orm')).sql`select v from keep_me`);
    expect(rows).toEqual([{ v: 42 }]);
    await first.close();
    const reopened = await openDatabase({ dataDir: dir, schema });
    expect(await reopened.rows((await import('drizzle-orm')).sql`select v from keep_me`)).toEqual([{ v: 42 }]);
    await reopened.close();
    // Creating, migrating and reopening an on-disk database, and a second process, take minutes on a loaded 2-core machine.
  }, 240_000);
});
