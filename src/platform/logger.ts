// Structured JSON logs (pino) on stdout; secrets never logged.
import pino, { type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'feedloop' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.passwordHash', '*.key'], remove: true },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
