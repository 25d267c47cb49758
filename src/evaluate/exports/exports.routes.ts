// Exports over REST: ask for one, follow its progress, download the file through its link.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import fs from 'node:fs';
import type { Database } from '../../platform/db/client.js';
import { ZCreateExport, ZDownloadParams, ZExportParams } from './exports.input.js';
import { createExport, getExport, openDownload } from './exports.service.js';
import { CONTENT_TYPES } from './export-files.js';
import { EXPORT_LIMITS } from './limits.js';

const tags = ['exports'];

export async function exportRoutes(app: FastifyInstance, opts: { database: Database; dataDir: string; publicUrl: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/exports',
    {
      config: { permission: 'feedback:read' },
      schema: {
        tags,
        summary: 'Export a filtered list or the overview as CSV, Excel or PDF',
        description:
          'Answers 202 with the export, written in the background (GET it to follow its progress). filters are the list’s own query parameters. ' +
          `customers needs customers:read, tickets tickets:read. Headers, dates (in the reader’s calendar) and the sheet’s direction follow the signed-in user, or the workspace for an API key. CSV and Excel hold every row (Excel goes on in a new sheet after ${EXPORT_LIMITS.xlsxSheetRows} rows); a PDF the first ${EXPORT_LIMITS.pdfMaxRows}.`,
        body: ZCreateExport,
      },
    },
    async (req, reply) => reply.code(202).send(await createExport(req.scope, req.actor!, req.body, opts.publicUrl)),
  );

  r.get(
    '/api/v1/exports/:id',
    {
      config: { permission: 'feedback:read' },
      schema: {
        tags,
        summary: 'An export’s status and progress; once done, a download link',
        description: `Each answer for a finished export carries a new link that works for ${EXPORT_LIMITS.linkMinutes} minutes without signing in; files are removed after ${EXPORT_LIMITS.fileHours} hours.`,
        params: ZExportParams,
      },
    },
    async (req) => getExport(req.scope, req.params.id, opts.publicUrl),
  );

  r.get(
    '/api/v1/exports/download/:token',
    {
      // The link is the credential: a random 256-bit token, stored hashed, that expires.
      config: { permission: 'public' },
      schema: { tags, summary: 'Download an export’s file (the link from GET /exports/{id})', params: ZDownloadParams },
    },
    async (req, reply) => {
      const file = await openDownload(opts.database, opts.dataDir, req.params.token);
      reply
        .header('content-type', CONTENT_TYPES[file.format])
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store');
      if (file.bytes != null) reply.header('content-length', String(file.bytes));
      return reply.send(fs.createReadStream(file.path));
    },
  );
}
