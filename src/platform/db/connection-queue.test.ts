// The embedded database's one connection: request work goes before background work, background
// work that waited long enough still gets its turn, and a failing turn fails only its caller.
// On a real (in-memory) embedded database, whatever TEST_DATABASE_URL says: PostgreSQL has a pool.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from './client.js';
import { connectionQueue, runInBackground } from './connection-queue.js';

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ schema: { tables: {}, dataMigrations: [] }, dataDir: 'memory://' });
  await database.rows(sql`create table turns (n serial primary key, who text not null)`);
}, 300_000); // creating an embedded database takes minutes on a busy machine
afterAll(() => database.close());

/** A transaction that holds the connection until `release()`. */
function holdConnection() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const held = database.db.transaction(async (tx) => {
    await tx.execute(sql`insert into turns (who) values ('holder')`);
    await gate;
  });
  return { release, held };
}

const order = async () => (await database.rows<{ who: string }>(sql`select who from turns order by n`)).map((r) => r.who);

describe('turns on the embedded database connection', () => {
  it('a request statement issued after a queued background statement runs first', async () => {
    await database.rows(sql`truncate turns restart identity`);
    const { release, held } = holdConnection();
    const background = runInBackground(() => database.rows(sql`insert into turns (who) values ('background')`));
    const request = database.rows(sql`insert into turns (who) values ('request')`);
    release();
    await Promise.all([held, background, request]);
    expect(await order()).toEqual(['holder', 'request', 'background']);
  });

  it('background work is not starved: passed over its number of request turns, it goes next', async () => {
    const queue = connectionQueue({ requestTurnsBeforeBackground: 2 });
    const ran: string[] = [];
    const step = (who: string) => async () => {
      ran.push(who);
    };
    const turns = [
      runInBackground(() => queue.take(step('background 1'))),
      runInBackground(() => queue.take(step('background 2'))),
      ...['request 1', 'request 2', 'request 3', 'request 4', 'request 5'].map((who) => queue.take(step(who))),
    ];
    await Promise.all(turns);
    expect(ran).toEqual(['request 1', 'request 2', 'background 1', 'request 3', 'request 4', 'background 2', 'request 5']);
  });

  it('requests keep their order among themselves, and one failing statement fails only its own caller', async () => {
    await database.rows(sql`truncate turns restart identity`);
    const { release, held } = holdConnection();
    const answers = Promise.allSettled([
      database.rows(sql`insert into turns (who) values ('first')`),
      database.rows(sql`insert into turns (who) values (null)`),
      database.rows(sql`insert into turns (who) values ('third')`),
    ]);
    release();
    await held;
    const [first, bad, third] = await answers;
    expect(first.status).toBe('fulfilled');
    expect(bad.status).toBe('rejected');
    expect(third.status).toBe('fulfilled');
    expect(await order()).toEqual(['holder', 'first', 'third']);
  });

  it('lets the event loop run between two turns, so work arriving meanwhile is seen', async () => {
    const queue = connectionQueue({ requestTurnsBeforeBackground: 4 });
    let immediateRan = false;
    const seen: boolean[] = [];
    const first = queue.take(async () => {
      setImmediate(() => {
        immediateRan = true;
      });
    });
    const second = queue.take(async () => {
      seen.push(immediateRan);
    });
    await Promise.all([first, second]);
    expect(seen).toEqual([true]);
  });
});
