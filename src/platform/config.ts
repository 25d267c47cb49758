// All configuration comes from environment variables, read once, validated with zod.
import path from 'node:path';
import { z } from 'zod';

const ZConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WORKERS: z.enum(['on', 'off']).default('on'),
  WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
  METRICS_REFRESH_SECONDS: z.coerce.number().int().min(1).max(60).default(60),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  METRICS_LISTEN: z
    .string()
    .regex(/^(\[[0-9A-Fa-f:.]+\]|[^\s:[\]]+):\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:9464')
    .optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  publicUrl: string;
  logLevel: z.infer<typeof ZConfig>['LOG_LEVEL'];
  runWorkers: boolean;
  /** CPU niceness `feedloop worker` gives itself (0 = unchanged): background work yields to requests on a shared host */
  workerNice: number;
  /** How often the metrics' rollups fold in what changed (seconds, 1–60): how far dashboards may lag */
  metricsRefreshSeconds: number;
  trustProxy: boolean;
  secureCookies: boolean;
  /** smtp(s)://user:pass@host:port; without it emails are written to the log instead of sent */
  smtpUrl?: string;
  mailFrom: string;
  /** With it, /metrics answers only `Authorization: Bearer <token>` */
  metricsToken?: string;
  /** With it, /metrics is served on this address and not on the main one */
  metricsListen?: { host: string; port: number };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    // `memory://` is a throw-away embedded database (tests); anything else is a directory.
    dataDir: e.DATA_DIR.startsWith('memory://') ? e.DATA_DIR : path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    publicUrl,
    logLevel: e.LOG_LEVEL,
    runWorkers: e.WORKERS === 'on',
    workerNice: e.WORKER_NICE,
    metricsRefreshSeconds: e.METRICS_REFRESH_SECONDS,
    trustProxy: e.TRUST_PROXY === 'true',
    secureCookies: publicUrl.startsWith('https://'),
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM ?? `Feedloop <surveys@${new URL(publicUrl).hostname}>`,
    metricsToken: e.METRICS_TOKEN || undefined,
    metricsListen: e.METRICS_LISTEN ? listenAddress(e.METRICS_LISTEN) : undefined,
  };
}

/** `host:port` (an IPv6 host in brackets) as Fastify's listen() takes it. */
function listenAddress(value: string): { host: string; port: number } {
  const at = value.lastIndexOf(':');
  return { host: value.slice(0, at).replace(/^\[(.*)\]$/, '$1'), port: Number(value.slice(at + 1)) };
}
