import { types } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { TEXT_PARSERS, withoutClientParsers } from './pglite-parsers.js';

describe('withoutClientParsers', () => {
  it("drops exactly the parsers Drizzle's PGlite driver passes with every query", async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const client = new PGlite();
    try {
      const session = (drizzle(client) as unknown as { session: { prepareQuery(...args: unknown[]): Record<string, { parsers: object }> } })
        .session;
      const prepared = session.prepareQuery({ sql: 'select 1', params: [] }, undefined, undefined, false);
      for (const config of [prepared.rawQueryConfig, prepared.queryConfig])
        expect(Object.keys(config.parsers).map(Number).sort()).toEqual(Object.keys(TEXT_PARSERS).map(Number).sort());
      expect(TEXT_PARSERS[types.TIMESTAMPTZ]).toBeDefined();
    } finally {
      await client.close();
    }
  });

  it("drops Drizzle's text parsers, which the client applies, and keeps the other options", () => {
    const keep = (value: string) => value;
    const options = { rowMode: 'array' as const, parsers: { [types.TIMESTAMPTZ]: keep, [types.DATE]: keep } };
    expect(withoutClientParsers(options)).toEqual({ rowMode: 'array' });
  });

  it('keeps options that ask for any other parser', () => {
    const options = { parsers: { [types.TIMESTAMPTZ]: (v: string) => v, [types.INT4]: (v: string) => Number(v) } };
    expect(withoutClientParsers(options)).toBe(options);
    expect(withoutClientParsers(undefined)).toBeUndefined();
  });
});
