import { types } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { TEXT_PARSERS, withoutClientParsers } from './pglite-parsers.js';

describe('withoutClientParsers', () => {
  it('knows the OIDs of the types Drizzle reads as text', () => {
    expect(Object.keys(TEXT_PARSERS).map(Number).sort()).toEqual([types.DATE, types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL].sort());
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
