// The schedule table: recurring work, each with its cron pattern (UTC) and why that often. Every
// process that runs jobs keeps these schedules; each occurrence runs once among them
// (platform/jobs/schedules.ts).
import type { Schedule } from '../platform/jobs/schedules.js';
import type { Config } from '../platform/config.js';
import { purgeIdempotencyKeys } from '../platform/http/idempotency.js';
import { purgeFinishedJobs } from '../platform/jobs/queue.js';
import { scanSlaClocks } from '../act/sla/sla-scan.js';
import { queueDueReminders } from '../act/tasks/task-reminders.js';
import { scanInactivity, scanThresholds } from '../act/rules/rule-scans.js';
import { refreshStaleRollups } from '../evaluate/rollups/refresh-rollups.js';
import { queueDueDigests } from '../evaluate/digest/send-digests.js';
import { purgeExpiredExports } from '../evaluate/exports/exports.service.js';

export const SCHEDULES: Schedule[] = [
  // Hourly keeps the table about a day of keys (IDEMPOTENCY_LIMITS.retentionHours); a purge that
  // finds nothing costs one index probe.
  { name: 'purge-idempotency-keys', pattern: '7 * * * *', run: ({ database }) => purgeIdempotencyKeys(database) },
  // Done and failed jobs are kept a day for inspection (JOB_LIMITS.keepFinishedHours); hourly
  // keeps the table that size, busy or idle.
  // SLA targets are minutes: a warning or breach is recorded within a minute of falling due.
  { name: 'scan-sla-clocks', pattern: '* * * * *', run: ({ database }) => scanSlaClocks(database) },
  { name: 'purge-finished-jobs', pattern: '37 * * * *', run: ({ database }) => purgeFinishedJobs(database) },
  // Every minute: a reminder "60 minutes before" goes out within a minute of its time; a scan
  // that finds nothing is one probe of a partial index.
  { name: 'remind-tasks', pattern: '* * * * *', run: ({ database }) => queueDueReminders(database) },
  // Inactivity is counted in days: hourly finds a customer within the hour they cross N days,
  // and a scan that finds nobody new costs one index range per rule.
  { name: 'rules-inactivity-scan', pattern: '17 * * * *', run: ({ database }) => scanInactivity(database) },
  // Thresholds are windows of hours: every five minutes raises a spike while it is news.
  { name: 'rules-threshold-scan', pattern: '*/5 * * * *', run: ({ database }) => scanThresholds(database) },
  // Metrics are at most a minute behind the feedback; a refresh that finds no stale day is one probe.
  { name: 'refresh-rollups', pattern: '* * * * *', run: ({ database }) => refreshStaleRollups(database).then(() => undefined) },
  // Digests go out at a member's chosen local hour; every quarter of an hour also serves the time
  // zones a half or three quarters of an hour off UTC (Asia/Tehran, Asia/Kathmandu).
  { name: 'send-digests', pattern: '*/15 * * * *', run: ({ database }) => queueDueDigests(database) },
  // Export files are kept for hours (EXPORT_LIMITS.fileHours) and links for an hour: every ten
  // minutes keeps the disk to what is still downloadable.
  { name: 'purge-exports', pattern: '*/10 * * * *', run: ({ database, dataDir }) => purgeExpiredExports(database, dataDir) },
];

/**
 * The schedules a process keeps under its configuration: the rollup refresh runs every
 * METRICS_REFRESH_SECONDS (a minute by default; a few seconds where dashboards must follow the
 * feedback closely, at the cost of one probe per run).
 */
export function schedulesFor(config: Pick<Config, 'metricsRefreshSeconds'>): Schedule[] {
  const seconds = config.metricsRefreshSeconds;
  if (seconds >= 60) return SCHEDULES;
  return SCHEDULES.map((s) => (s.name === 'refresh-rollups' ? { ...s, pattern: `*/${seconds} * * * * *` } : s));
}
