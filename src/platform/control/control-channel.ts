// The control channel of a process that owns the embedded database: an HTTP server on a Unix
// domain socket in <DATA_DIR>/control/, a directory only the owning OS user may enter. Other
// Feedloop commands (`import`, `demo`) hand it their work instead of opening the database, so
// one process still owns the data directory.
import path from 'node:path';

export const CONTROL_LIMITS = {
  /** One import batch (IMPORT_LIMITS.maxBatchFileBytes of file, a few times that as JSON). */
  bodyLimitBytes: 64 * 1024 * 1024,
  /** A server still opening or migrating a large embedded database before it listens. */
  waitForChannelMs: 120_000,
  pollMs: 200,
} as const;

// sockaddr_un holds 108 bytes on Linux (104 on macOS), its terminating NUL included.
const MAX_SOCKET_PATH_BYTES = 103;

export const controlDir = (dataDir: string) => path.join(dataDir, 'control');

/**
 * Where the socket is reached from this process: its absolute path, or the path relative to the
 * working directory when the absolute one is too long for a socket address; null if neither fits.
 */
export function controlSocketAddress(dataDir: string): string | null {
  const absolute = path.join(controlDir(dataDir), 'feedloop.sock');
  if (Buffer.byteLength(absolute) <= MAX_SOCKET_PATH_BYTES) return absolute;
  const relative = path.relative(process.cwd(), absolute);
  return Buffer.byteLength(relative) <= MAX_SOCKET_PATH_BYTES ? relative : null;
}
