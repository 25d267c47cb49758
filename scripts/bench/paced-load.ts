// Paced load: a fixed request rate spread over a fixed number of keep-alive connections, with
// every latency taken from the moment the request was *due*, not the moment it was sent. A
// closed-loop generator (wrk, autocannon) sends as fast as the server answers, so at 50
// connections it always saturates the machine and its latency is just 50 ÷ throughput; and when
// the server stalls it sends nothing, so the stall is counted once instead of for every request
// that should have gone out meanwhile (coordinated omission). Here a late answer makes the next
// request of its connection late too, and that lateness is counted.
//
// Raw sockets with pre-serialised requests keep the generator's own CPU use small: it shares
// the machine with the server and the database.
import net from 'node:net';

export interface PacedLoad {
  url: string;
  path: string;
  key: string;
  bodies: string[];
  connections: number;
  /** Requests per second over all connections. */
  rate: number;
  seconds: number;
}

export interface PacedResult {
  rate: number;
  /** Requests answered per second. */
  achievedRps: number;
  ok: number;
  non2xx: Record<string, number>;
  errors: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  sampleError: string | null;
}

const HEADER_END = Buffer.from('\r\n\r\n');

export async function pacedPost(opts: PacedLoad): Promise<PacedResult> {
  const url = new URL(opts.url);
  const requests = opts.bodies.map((body) => {
    const payload = Buffer.from(body);
    const head =
      `POST ${opts.path} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${opts.key}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${payload.length}\r\n\r\n`;
    return Buffer.concat([Buffer.from(head), payload]);
  });
  const interval = (1000 * opts.connections) / opts.rate; // ms between requests of one connection
  const latencies: number[] = [];
  const non2xx: Record<string, number> = {};
  let ok = 0;
  let errors = 0;
  let sampleError: string | null = null;
  let nextBody = 0;
  const start = performance.now() + 50;
  const end = start + opts.seconds * 1000;

  const runConnection = (index: number) =>
    new Promise<void>((resolve) => {
      const socket = net.connect({ host: url.hostname, port: Number(url.port), noDelay: true });
      let due = start + (interval * index) / opts.connections; // staggered so the rate is even
      let buffer = Buffer.alloc(0);
      let timer: NodeJS.Timeout | null = null;
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        if (timer) clearTimeout(timer);
        socket.destroy();
        resolve();
      };
      const send = () => {
        timer = null;
        if (due >= end) return finish();
        socket.write(requests[nextBody++ % requests.length]);
      };
      const schedule = () => {
        const wait = due - performance.now();
        if (wait <= 0) send();
        else timer = setTimeout(send, wait);
      };
      socket.on('connect', schedule);
      socket.on('error', () => {
        errors++;
        finish();
      });
      // Closed by the server before this connection's last request was due: an error, not an end.
      socket.on('close', () => {
        if (!finished && due < end) errors++;
        finish();
      });
      socket.on('data', (chunk) => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        const headerEnd = buffer.indexOf(HEADER_END);
        if (headerEnd < 0) return;
        const head = buffer.subarray(0, headerEnd).toString('latin1');
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? NaN);
        if (!Number.isFinite(length)) {
          errors++;
          sampleError ??= `answer without Content-Length: ${head.slice(0, 200)}`;
          return finish();
        }
        const total = headerEnd + HEADER_END.length + length;
        if (buffer.length < total) return;
        const status = Number(head.slice(9, 12));
        latencies.push(performance.now() - due);
        if (status >= 200 && status < 300) ok++;
        else {
          non2xx[status] = (non2xx[status] ?? 0) + 1;
          sampleError ??= `${status} ${buffer
            .subarray(headerEnd + 4, total)
            .toString()
            .slice(0, 300)}`;
        }
        buffer = buffer.subarray(total);
        due += interval;
        schedule();
      });
    });

  await Promise.all(Array.from({ length: opts.connections }, (_, i) => runConnection(i)));
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN);
  return {
    rate: opts.rate,
    achievedRps: latencies.length / opts.seconds,
    ok,
    non2xx,
    errors,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    sampleError,
  };
}
