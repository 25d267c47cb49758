// The other side of the control channel: a command that finds the data directory held by a
// running Feedloop reaches it through its socket and hands it the work.
import http from 'node:http';
import { DataDirLockedError, dataDirHolder } from '../db/data-dir-lock.js';
import { CONTROL_LIMITS, controlSocketAddress } from './control-channel.js';

export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

export interface Holder {
  pid: number;
  /** whether it analyses new feedback itself (WORKERS=on) */
  runsWorkers: boolean;
  request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
  close(): void;
}

function send<T>(agent: http.Agent, socketPath: string, method: string, path: string, body?: unknown): Promise<T> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise<T>((resolve, reject) => {
    const req = http.request(
      {
        agent,
        socketPath,
        method,
        path,
        headers: payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            return reject(
              new ControlError(
                res.statusCode ?? 0,
                'bad_reply',
                `The running Feedloop answered ${method} ${path} with something that is not JSON`,
              ),
            );
          }
          if (res.statusCode && res.statusCode < 300) return resolve(json as T);
          const error = (json as { error?: { code?: string; message?: string; field?: string } }).error ?? {};
          reject(new ControlError(res.statusCode ?? 0, error.code ?? 'error', error.message ?? `HTTP ${res.statusCode}`, error.field));
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The process listening on the data directory's control socket, or why none could be reached. */
async function connect(dataDir: string): Promise<Holder | { unreachable: string }> {
  const address = controlSocketAddress(dataDir);
  if (!address) return { unreachable: 'the data directory path is too long for a control socket' };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const { pid, runsWorkers } = await send<{ pid: number; runsWorkers: boolean }>(agent, address, 'GET', '/v1/holder');
    return { pid, runsWorkers, request: (method, path, body) => send(agent, address, method, path, body), close: () => agent.destroy() };
  } catch (err) {
    agent.destroy();
    return { unreachable: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
  }
}

/**
 * After `locked`: the running Feedloop that holds the directory, reached through its control
 * channel (waiting while it is still starting), or null when the directory has meanwhile been
 * freed. Throws the lock error, explained, when the holder offers no channel or cannot be reached.
 */
export async function reachHolder(locked: DataDirLockedError, onWait?: (message: string) => void): Promise<Holder | null> {
  const deadline = Date.now() + CONTROL_LIMITS.waitForChannelMs;
  let waiting = false;
  for (;;) {
    const holder = dataDirHolder(locked.dataDir);
    if (!holder) return null;
    if (!holder.offersControl) throw locked;
    const reached = await connect(locked.dataDir);
    if ('pid' in reached && reached.pid === holder.pid) return reached;
    if ('pid' in reached) reached.close();
    const why = 'unreachable' in reached ? reached.unreachable : `pid ${reached.pid} answered instead`;
    // The socket exists but refuses us (another OS user's server): waiting will not help.
    if (why === 'EACCES' || why === 'EPERM' || Date.now() > deadline) {
      throw new DataDirLockedError(
        locked.dataDir,
        holder.pid,
        true,
        `its control channel could not be reached (${why}); run this command as the user who runs that server`,
      );
    }
    if (!waiting) {
      waiting = true;
      onWait?.(`Feedloop (pid ${holder.pid}) holds ${locked.dataDir} and is still starting; waiting for it…`);
    }
    await new Promise((resolve) => setTimeout(resolve, CONTROL_LIMITS.pollMs));
  }
}
