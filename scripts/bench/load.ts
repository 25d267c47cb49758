// Load on a POST route (POST /api/v1/feedback, POST /api/v1/events, …) with autocannon (in this
// process), rotating through a pool of pre-serialised bodies so the generator spends its CPU on
// sending, not building.
import autocannon from 'autocannon';

export interface LoadResult {
  seconds: number;
  requests: number;
  ok: number;
  /** Non-2xx responses by status code, plus connection errors and timeouts. */
  non2xx: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Successful requests per second. */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** The first non-2xx response body, to explain failures. */
  sampleError: string | null;
}

export interface PostLoad { url: string; key: string; bodies: string[]; connections: number; seconds: number }

export const loadFeedbackPost = (opts: PostLoad): Promise<LoadResult> => loadPost({ ...opts, path: '/api/v1/feedback' });

export async function loadPost(opts: PostLoad & { path: string }): Promise<LoadResult> {
  let next = 0;
  let sampleError: string | null = null;
  const non2xx: Record<string, number> = {};
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 30,
    headers: { authorization: `Bearer ${opts.key}`, 'content-type': 'application/json' },
    requests: [{
      method: 'POST',
      path: opts.path,
      setupRequest: (req) => ({ ...req, body: opts.bodies[next++ % opts.bodies.length] }),
      onResponse: (status, body) => {
        if (status >= 200 && status < 300) return;
        non2xx[status] = (non2xx[status] ?? 0) + 1;
        sampleError ??= `${status} ${String(body).slice(0, 300)}`;
      },
    }],
  });
  const ok = result['2xx'];
  return {
    seconds: result.duration,
    requests: ok + result.non2xx,
    ok,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    rps: ok / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    sampleError,
  };
}
