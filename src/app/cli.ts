#!/usr/bin/env node
// The feedloop command: serve | worker | migrate | setup | import | analyze | rollups | demo.
import { Command } from 'commander';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { startApp, version } from './app.js';
import { openConfiguredDatabase } from './database.js';
import { DataDirLockedError } from '../platform/db/data-dir-lock.js';
import { lowerWorkerPriority } from '../platform/jobs/worker-priority.js';

const program = new Command('feedloop').version(version).description('Feedloop: the customer feedback loop, self-hosted');

function fail(err: unknown): never {
  if (err instanceof DataDirLockedError) {
    console.error(`feedloop: ${err.message}`);
    process.exit(75);
  }
  console.error(`feedloop: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

async function runUntilSignal(workersOnly: boolean, opts: { port?: string; workers?: boolean }) {
  const env = { ...process.env, ...(opts.port ? { PORT: opts.port } : {}), ...(opts.workers === false ? { WORKERS: 'off' } : {}) };
  const config = loadConfig(workersOnly ? { ...env, WORKERS: 'on' } : env);
  const log = createLogger(config.logLevel);
  if (workersOnly && config.workerNice > 0) log.info({ nice: lowerWorkerPriority(config.workerNice) }, 'worker CPU priority lowered');
  const app = await startApp(config, log, { serveHttp: !workersOnly });
  const engine = app.database.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  const cpu = process.cpuUsage();
  log.info(
    {
      url: app.url || undefined,
      metricsUrl: app.metricsUrl ?? undefined,
      publicUrl: config.publicUrl,
      engine,
      workers: config.runWorkers,
      // Since the process started: the figures a slow start is diagnosed from.
      startSeconds: Math.round(performance.now()) / 1000,
      startCpuSeconds: Math.round((cpu.user + cpu.system) / 1000) / 1000,
    },
    workersOnly ? 'Feedloop worker started' : `Feedloop is running at ${config.publicUrl}`,
  );
  if (!workersOnly) console.error(`\n  Feedloop is running at ${config.publicUrl} (${engine})\n`);
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

program
  .command('serve')
  .description('Start the web dashboard, API and background workers')
  .option('-p, --port <port>', 'port to listen on (default $PORT or 3000)')
  .option('--no-workers', 'do not run background jobs in this process')
  .action((opts) => runUntilSignal(false, opts).catch(fail));

program
  .command('worker')
  .description('Run only background jobs (scale out next to `serve --no-workers`)')
  .action(() => runUntilSignal(true, {}).catch(fail));

program
  .command('migrate')
  .description('Apply database migrations and exit')
  .action(async () => {
    try {
      const database = await openConfiguredDatabase(loadConfig());
      console.log(`Database is up to date (${database.engine}).`);
      await database.close();
    } catch (err) {
      fail(err);
    }
  });

program
  .command('setup')
  .description('Create the owner account on a fresh install (asks for the password)')
  .requiredOption('--email <email>', 'owner email')
  .requiredOption('--name <name>', 'owner name')
  .option('--organization <name>', 'organization name', 'My company')
  .option('--workspace <name>', 'first workspace name', 'Customer feedback')
  .option('--locale <locale>', 'fa | ar | zh | en', 'en')
  .option('--password-stdin', 'read the password from standard input instead of asking')
  .action(async (opts) => {
    const { runSetupCommand } = await import('../platform/auth/setup-command.js');
    await runSetupCommand(opts, openConfiguredDatabase).catch(fail);
  });

program
  .command('import')
  .description('Import feedback from a CSV or JSONL file (streamed; re-runs resume and never duplicate)')
  .argument('<file>', 'a .csv or .jsonl file')
  .option('--format <format>', 'csv | jsonl (default: from the file extension)')
  .option('--map <field=column...>', 'map a Feedloop field to a column, e.g. --map text=comment nps=score customer.email=mail')
  .option('--mapping <file>', 'a JSON file {"field": "column", …} with the same mapping')
  .option('--channel <channel>', 'channel for rows without one', 'import')
  .option('--workspace <slug>', 'workspace slug, shown in Settings → Workspace (default: the only workspace, else the first)')
  .option(
    '--date-format <format>',
    'how dates are written when the file does not show it: jalali | iso | dmy | mdy | ymd (default: read any known form)',
  )
  .option('--delimiter <char>', 'CSV delimiter (default: detected from , ; tab)')
  .option('--batch-size <n>', 'rows per transaction', '1000')
  .option('--rejects <file>', 'write rejected rows with their reasons to this JSONL file')
  .option('--no-progress', 'no progress bar')
  .action(async (file, opts) => {
    const { runImportCommand } = await import('../collect/import/import-command.js');
    await runImportCommand(file, opts, openConfiguredDatabase).catch(fail);
  });

program
  .command('analyze')
  .description('Analyse texts with the shipped model and default topics (arguments, or one text per line on stdin)')
  .argument('[texts...]', 'texts to analyse')
  .option('--json', 'one JSON object per text')
  .option('--language <code>', 'skip language detection')
  .action(async (texts: string[], opts) => {
    const { runAnalyzeCommand } = await import('../analyze/analysis/analyze-command.js');
    await runAnalyzeCommand(texts, opts).catch(fail);
  });

const rollups = program.command('rollups').description("The metrics' daily rollups");
rollups
  .command('rebuild')
  .description(
    'Recompute the daily rollups from the feedback items (the server keeps them current; stop it first with the embedded database)',
  )
  .option('--workspace <slug>', 'only this workspace (default: every workspace)')
  .action(async (opts) => {
    const { runRollupsRebuildCommand } = await import('../evaluate/rollups/rollups-command.js');
    await runRollupsRebuildCommand(opts, openConfiguredDatabase).catch(fail);
  });

program
  .command('demo')
  .description('Create a demo workspace with multilingual feedback, customers, orders and surveys')
  .option('--name <name>', 'workspace name', 'Demo shop')
  .action(async (opts) => {
    const { runDemoCommand } = await import('./demo/demo-command.js');
    await runDemoCommand(opts).catch(fail);
  });

program.parseAsync(process.argv).catch(fail);
