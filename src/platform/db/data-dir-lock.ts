// The embedded database has no lock of its own: two processes on one data directory
// corrupt it. We hold a pid file created with O_EXCL; a stale file (dead pid) is taken over.
// A holder that serves other Feedloop commands over its control channel (a running server)
// says so on the file's second line, so they wait for that channel instead of giving up.
import fs from 'node:fs';
import path from 'node:path';

const CONTROL_MARK = 'control';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
    readonly offersControl = false,
    why?: string,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Feedloop process (pid ${holderPid})` +
        (why ? `, but ${why}.` : '. Stop that process first, or point DATA_DIR elsewhere.'),
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live holder of the directory, if any: its pid and whether it offers a control channel. */
export function dataDirHolder(dataDir: string): { pid: number; offersControl: boolean } | null {
  let content: string;
  try {
    content = fs.readFileSync(path.join(dataDir, 'feedloop.lock'), 'utf8');
  } catch {
    return null;
  }
  const [pidLine, mark] = content.split('\n');
  const pid = Number.parseInt(pidLine, 10);
  return Number.isInteger(pid) && isAlive(pid) ? { pid, offersControl: mark === CONTROL_MARK } : null;
}

/** Takes the lock or throws DataDirLockedError. Returns the release function. */
export function lockDataDir(dataDir: string, opts: { offersControl?: boolean } = {}): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'feedloop.lock');
  const content = opts.offersControl ? `${process.pid}\n${CONTROL_MARK}\n` : String(process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, content);
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8') === content) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const [pidLine, mark] = fs.readFileSync(lockPath, 'utf8').split('\n');
      const holder = Number.parseInt(pidLine, 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DataDirLockedError(dataDir, holder, mark === CONTROL_MARK);
      }
      fs.rmSync(lockPath, { force: true }); // left by a crashed process
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}`);
}
