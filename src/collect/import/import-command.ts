// `feedloop import FILE`: says which workspace it imports into and how it reads the file, shows a
// progress bar while streaming, then a summary with the reason for every rejected row (the first
// 20 printed, all of them in --rejects FILE). When a running server owns the embedded database,
// the rows go through that server.
import fs from 'node:fs';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../platform/config.js';
import { openOrReachHolder } from '../../platform/control/open-or-hand-off.js';
import type { OpenConfiguredDatabase } from '../../platform/db/client.js';
import { chooseWorkspace, describeChoice } from '../../platform/db/find-workspace.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { CHANNELS } from '../feedback/feedback.input.js';
import { parseMapping } from './column-mapping.js';
import { DATE_FORMATS, type DateFormat } from './import-dates.js';
import { runImport, type ImportSummary } from './import-file.js';
import { describePlan, type ImportPlan } from './import-plan.js';
import { databaseImportTarget } from './import-target.js';
import { MAX_BATCH_ROWS } from './import.control.js';
import { remoteImportTarget } from './remote-import-target.js';
import { IMPORT_LIMITS } from './limits.js';

interface Flags {
  format?: string;
  map?: string[];
  mapping?: string;
  channel: string;
  workspace?: string;
  dateFormat?: string;
  delimiter?: string;
  batchSize: string;
  rejects?: string;
  progress: boolean;
}

export async function runImportCommand(file: string, flags: Flags, openDatabase: OpenConfiguredDatabase) {
  if (!fs.existsSync(file)) throw new Error(`File not found: ${file}`);
  if (flags.format && !['csv', 'jsonl'].includes(flags.format)) throw new Error('--format must be csv or jsonl');
  if (!(CHANNELS as readonly string[]).includes(flags.channel)) throw new Error(`--channel must be one of ${CHANNELS.join(', ')}`);
  if (flags.dateFormat && !(DATE_FORMATS as readonly string[]).includes(flags.dateFormat))
    throw new Error(`--date-format must be one of ${DATE_FORMATS.join(', ')}`);
  const batchSize = Number(flags.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_ROWS)
    throw new Error(`--batch-size must be 1–${MAX_BATCH_ROWS}`);
  const mapping = parseMapping(flags.map, flags.mapping);
  const connection = await openOrReachHolder(loadConfig(), openDatabase, (message) => console.error(message));
  const rejectsOut = flags.rejects ? fs.createWriteStream(flags.rejects) : null;
  const bar =
    flags.progress && process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { format: 'Importing [{bar}] {percentage}% | {rows} rows | {eta_formatted} left', stream: process.stderr },
          cliProgress.Presets.shades_classic,
        )
      : null;
  const started = Date.now();
  try {
    const { target, choice } = connection.holder
      ? await remoteImportTarget(connection.holder, flags.workspace)
      : await (async () => {
          const chosen = await chooseWorkspace(connection.database, flags.workspace);
          return { target: await databaseImportTarget(new WorkspaceScope(connection.database, chosen.workspace.id)), choice: chosen };
        })();
    const chosenLine = describeChoice(choice);
    if (chosenLine) console.log(chosenLine);
    if (connection.holder)
      console.log(`The running Feedloop (pid ${connection.holder.pid}) owns the embedded database: the rows go through it.`);
    const summary = await runImport(target, file, {
      format: flags.format as 'csv' | 'jsonl' | undefined,
      mapping,
      channel: flags.channel,
      delimiter: flags.delimiter,
      batchSize,
      dateFormat: flags.dateFormat as DateFormat | undefined,
      onPlan: (plan) => {
        console.log(`Reading ${file} into "${target.workspace.name}":`);
        for (const line of describePlan(plan)) console.log(`  ${line}`);
        bar?.start(fs.statSync(file).size, 0, { rows: 0 });
      },
      onProgress: (p) => bar?.update(p.bytesRead, { rows: p.rows }),
      onReject: (r) => rejectsOut?.write(`${JSON.stringify(r)}\n`),
    });
    bar?.stop();
    printSummary(summary, `Imported into "${target.workspace.name}" in ${((Date.now() - started) / 1000).toFixed(1)} s`, flags.rejects);
    if (summary.imported > 0) {
      console.log(
        connection.holder?.runsWorkers
          ? '  The running server analyses the new items in the background.'
          : '  New items are analysed in the background by the running server or `feedloop worker` (with WORKERS=on).',
      );
    }
  } finally {
    bar?.stop();
    rejectsOut?.end();
    connection.holder?.close();
    await connection.database?.close();
  }
}

/** Inferred readings (score scales, dates) are repeated here, next to the rejections they explain. */
function inferredLines(plan: ImportPlan | null): string[] {
  if (!plan) return [];
  const inferred = new Set([...plan.scores.map((s) => s.column), ...(plan.dates ? [plan.dates.column] : [])]);
  return describePlan(plan).filter((line) => [...inferred].some((c) => line.includes(`← ${c}:`) || line.startsWith(`${c}:`)));
}

function printSummary(summary: ImportSummary, title: string, rejectsFile?: string) {
  console.log(title);
  if (summary.resumedFromRow > 0) console.log(`  resumed after row ${summary.resumedFromRow} (already imported earlier)`);
  console.log(`  rows read:            ${summary.rowsRead}`);
  console.log(`  imported:             ${summary.imported}`);
  console.log(`  already present:      ${summary.duplicates}`);
  console.log(`  rejected:             ${summary.rejected}`);
  const shown = IMPORT_LIMITS.printedRejections;
  for (const r of summary.rejections.slice(0, shown)) console.log(`    row ${r.row}: ${r.reason}`);
  if (summary.rejected > shown)
    console.log(`    … ${summary.rejected - shown} more${rejectsFile ? ` in ${rejectsFile}` : ' (use --rejects FILE to keep them all)'}`);
  const inferred = inferredLines(summary.plan);
  if (inferred.length) {
    console.log('  read as:');
    for (const line of inferred) console.log(`    ${line}`);
  }
}
