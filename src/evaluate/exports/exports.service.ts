// Asking for an export, following it, and the download links handed out once it is done.
import fs from 'node:fs';
import { and, count, eq, inArray, lt, ne } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { Database } from '../../platform/db/client.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { can } from '../../platform/auth/permissions.js';
import { users } from '../../platform/auth/auth.tables.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { chosenCalendar } from '../../platform/workspace/workspace-settings.service.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { newId, randomToken, sha256 } from '../../platform/ids.js';
import { notifyJobsEnqueued } from '../../platform/jobs/queue.js';
import { LOCALES, type Locale } from '../../contracts/locales.js';
import type { ExportJob, ExportSubject } from '../../contracts/exports.js';
import { exportLinks, exports } from './exports.tables.js';
import type { TCreateExport } from './exports.input.js';
import { EXPORT_LIMITS } from './limits.js';
import { readerCalendar } from './export-cells.js';
import { exportFilePath } from './export-files.js';
import { exportDataJob } from './export-data.job.js';

/** What reading each subject needs, beyond the routes' own feedback:read. */
const SUBJECT_SCOPE = {
  feedback: 'feedback:read',
  customers: 'customers:read',
  tickets: 'tickets:read',
  overview: 'feedback:read',
  metrics: 'feedback:read',
  league: 'feedback:read',
  drivers: 'feedback:read',
  before_after: 'feedback:read',
} as const;

type ExportRow = typeof exports.$inferSelect;

/** The reader's language and calendar: the user's own, or the workspace's for an API key. */
async function readerOf(scope: WorkspaceScope, actor: Actor): Promise<{ locale: Locale; calendar: string }> {
  const [workspace] = await scope.db
    .select({ defaultLocale: workspaces.defaultLocale, settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, scope.workspaceId));
  const [user] = actor.userId
    ? await scope.db.select({ locale: users.locale, calendar: users.calendar }).from(users).where(eq(users.id, actor.userId))
    : [];
  const fallback = LOCALES.includes(workspace?.defaultLocale as Locale) ? (workspace?.defaultLocale as Locale) : 'en';
  const locale = user?.locale ?? fallback;
  return { locale, calendar: readerCalendar(user?.calendar ?? 'auto', chosenCalendar(workspace?.settings ?? {}), locale) };
}

export async function createExport(scope: WorkspaceScope, actor: Actor, input: TCreateExport, publicUrl: string): Promise<ExportJob> {
  const needed = SUBJECT_SCOPE[input.subject as ExportSubject];
  if (!can(actor, needed)) throw forbidden(`Exporting ${input.subject} needs the ${needed} permission`);
  const reader = await readerOf(scope, actor);
  const id = newId();
  await scope.transaction(async (tx) => {
    if (actor.userId) {
      const [active] = await tx
        .select({ n: count() })
        .from(exports)
        .where(scope.where(exports, eq(exports.requestedBy, actor.userId), inArray(exports.status, ['queued', 'running'])));
      if ((active?.n ?? 0) >= EXPORT_LIMITS.activePerUser)
        throw new AppError(
          429,
          'too_many_exports',
          `At most ${EXPORT_LIMITS.activePerUser} exports may be in progress at once; wait for one to finish`,
        );
    }
    await tx.insert(exports).values(
      scope.stamp({
        id,
        requestedBy: actor.userId,
        subject: input.subject,
        format: input.format,
        // A metric's periods are counted in the reader's calendar unless the request names one.
        filters: input.subject === 'metrics' && !input.filters.calendar ? { ...input.filters, calendar: reader.calendar } : input.filters,
        locale: reader.locale,
        calendar: reader.calendar,
        expiresAt: new Date(Date.now() + EXPORT_LIMITS.fileHours * 3_600_000),
      }),
    );
    await exportDataJob.enqueue(tx, { workspaceId: scope.workspaceId, exportId: id });
  });
  notifyJobsEnqueued();
  return getExport(scope, id, publicUrl);
}

/** The export's progress; once done, with a fresh download link. */
export async function getExport(scope: WorkspaceScope, id: string, publicUrl: string): Promise<ExportJob> {
  const [row] = await scope.db
    .select()
    .from(exports)
    .where(scope.where(exports, eq(exports.id, id)));
  if (!row) throw notFound('Export');
  let link: { url: string; expiresAt: Date } | null = null;
  if (row.status === 'done' && row.expiresAt > new Date()) {
    const token = randomToken(32);
    const expiresAt = new Date(Math.min(Date.now() + EXPORT_LIMITS.linkMinutes * 60_000, row.expiresAt.getTime()));
    await scope.db.insert(exportLinks).values(scope.stamp({ tokenHash: sha256(token), exportId: row.id, expiresAt }));
    link = { url: `${publicUrl}/api/v1/exports/download/${token}`, expiresAt };
  }
  return publicExport(row, link);
}

function publicExport(row: ExportRow, link: { url: string; expiresAt: Date } | null): ExportJob {
  const expired = row.status === 'expired' || (row.status === 'done' && row.expiresAt <= new Date());
  return {
    id: row.id,
    subject: row.subject,
    format: row.format,
    status: expired ? 'expired' : row.status,
    rows: row.rows,
    total: row.total,
    percent: row.status === 'done' ? 100 : row.total ? Math.min(99, Math.floor((100 * row.rows) / row.total)) : null,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    downloadUrl: link?.url ?? null,
    downloadExpiresAt: link?.expiresAt.toISOString() ?? null,
    fileName: row.fileName,
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** The file a download link points to; an unknown token is 404, an expired one 410. */
export async function openDownload(database: Database, dataDir: string, token: string) {
  const [found] = await database.db
    .select({ link: exportLinks, file: exports })
    .from(exportLinks)
    .innerJoin(exports, and(eq(exports.id, exportLinks.exportId), eq(exports.workspaceId, exportLinks.workspaceId)))
    .where(eq(exportLinks.tokenHash, sha256(token)));
  if (!found) throw notFound('Download link');
  const now = new Date();
  if (found.link.expiresAt <= now || found.file.expiresAt <= now || found.file.status !== 'done')
    throw new AppError(410, 'link_expired', 'This download link has expired; open the export again for a new one');
  const path = exportFilePath(dataDir, found.file.workspaceId, found.file.id, found.file.format);
  if (!fs.existsSync(path)) throw new AppError(410, 'link_expired', 'This export’s file is no longer kept; export again');
  return {
    path,
    fileName: found.file.fileName ?? `${found.file.subject}.${found.file.format}`,
    format: found.file.format,
    bytes: found.file.fileBytes,
  };
}

/** Files past their time are removed and their exports marked expired; spent links are dropped. */
export async function purgeExpiredExports(database: Database, dataDir: string): Promise<number> {
  const now = new Date();
  const due = await database.db
    .select({ id: exports.id, workspaceId: exports.workspaceId, format: exports.format })
    .from(exports)
    .where(and(lt(exports.expiresAt, now), ne(exports.status, 'expired')));
  for (const e of due) await fs.promises.rm(exportFilePath(dataDir, e.workspaceId, e.id, e.format), { force: true });
  if (due.length)
    await database.db
      .update(exports)
      .set({ status: 'expired' })
      .where(
        inArray(
          exports.id,
          due.map((e) => e.id),
        ),
      );
  await database.db.delete(exportLinks).where(lt(exportLinks.expiresAt, now));
  return due.length;
}
