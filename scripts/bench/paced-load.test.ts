import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pacedPost } from './paced-load.js';

// A loopback server: every body is answered 201, except body "fail" (500); the 30th request
// stalls 300 ms before its answer.
let server: http.Server;
let url = '';
let received = 0;
const seen: Array<{ auth: string | undefined; body: string }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const n = ++received;
      seen.push({ auth: req.headers.authorization, body });
      const answer = () => {
        const payload = JSON.stringify({ n });
        res.writeHead(body === '"fail"' ? 500 : 201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
        res.end(payload);
      };
      if (n === 30) setTimeout(answer, 300);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('pacedPost', () => {
  it('sends exactly rate × seconds requests and counts a stall for every request it delayed', async () => {
    const result = await pacedPost({
      url,
      path: '/x',
      key: 'k1',
      bodies: ['"a"', '"b"', '"b"', '"fail"'],
      connections: 10,
      rate: 200,
      seconds: 1,
    });
    // 10 connections × one request every 50 ms × 1 s.
    expect(received).toBe(200);
    expect(result.ok + (result.non2xx['500'] ?? 0)).toBe(200);
    expect(result.non2xx['500']).toBe(50);
    expect(result.sampleError).toMatch(/^500 /);
    expect(result.errors).toBe(0);
    expect(seen.every((r) => r.auth === 'Bearer k1')).toBe(true);
    // The stalled connection's next requests were due while it waited: each is counted late
    // (≈300, 250, 200, 150 ms …), not only the one that stalled, as a closed-loop generator would.
    expect(result.max).toBeGreaterThanOrEqual(290);
    expect(result.p99).toBeGreaterThanOrEqual(140);
  });
});
