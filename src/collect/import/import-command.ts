// `feedloop import FILE`: progress bar while streaming, then a summary with the reason for
// every rejected row (the first 20 printed, all of them in --rejects FILE).
import fs from 'node:fs';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../platform/config.js';
import { openAndMigrate } from '../../platform/app.js';
import { findWorkspace } from '../../platform/db/find-workspace.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { CHANNELS } from '../feedback.schemas.js';
import { parseMapping } from './column-mapping.js';
import { importFile } from './import-file.js';

interface Flags {
  format?: string; map?: string[]; mapping?: string; channel: string; workspace?: string;
  delimiter?: string; batchSize: string; rejects?: string; progress: boolean;
}

export async function runImportCommand(file: string, flags: Flags) {
  if (!fs.existsSync(file)) throw new Error(`File not found: ${file}`);
  if (flags.format && !['csv', 'jsonl'].includes(flags.format)) throw new Error('--format must be csv or jsonl');
  if (!(CHANNELS as readonly string[]).includes(flags.channel)) throw new Error(`--channel must be one of ${CHANNELS.join(', ')}`);
  const batchSize = Number(flags.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) throw new Error('--batch-size must be 1–5000');
  const mapping = parseMapping(flags.map, flags.mapping);
  const database = await openAndMigrate(loadConfig());
  const rejectsOut = flags.rejects ? fs.createWriteStream(flags.rejects) : null;
  const bar = flags.progress && process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: 'Importing [{bar}] {percentage}% | {rows} rows | {eta_formatted} left', stream: process.stderr }, cliProgress.Presets.shades_classic)
    : null;
  const started = Date.now();
  try {
    const ws = await findWorkspace(database, flags.workspace);
    const total = fs.statSync(file).size;
    bar?.start(total, 0, { rows: 0 });
    const summary = await importFile(new WorkspaceScope(database, ws.id), file, {
      format: flags.format as 'csv' | 'jsonl' | undefined, mapping, channel: flags.channel, delimiter: flags.delimiter, batchSize,
      onProgress: (p) => bar ? bar.update(p.bytesRead, { rows: p.rows }) : undefined,
      onReject: (r) => rejectsOut?.write(JSON.stringify(r) + '\n'),
    });
    bar?.stop();
    const seconds = (Date.now() - started) / 1000;
    console.log(`Imported into "${ws.name}" in ${seconds.toFixed(1)} s`);
    if (summary.resumedFromRow > 0) console.log(`  resumed after row ${summary.resumedFromRow} (already imported earlier)`);
    console.log(`  rows read:            ${summary.rowsRead}`);
    console.log(`  imported:             ${summary.imported}`);
    console.log(`  already present:      ${summary.duplicates}`);
    console.log(`  rejected:             ${summary.rejected}`);
    for (const r of summary.rejections.slice(0, 20)) console.log(`    row ${r.row}: ${r.reason}`);
    if (summary.rejected > 20) console.log(`    … ${summary.rejected - 20} more${flags.rejects ? ` in ${flags.rejects}` : ' (use --rejects FILE to keep them all)'}`);
    if (summary.imported > 0) console.log('  New items are analysed in the background by the running server or `feedloop worker`.');
  } finally {
    bar?.stop();
    rejectsOut?.end();
    await database.close();
  }
}
