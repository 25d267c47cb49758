// Starting and stopping Feedloop: database (migrated), job worker and HTTP server with the
// application's routes, jobs and control channel routes, and a graceful shutdown that lets
// in-flight requests and jobs finish.
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/db/client.js';
import { buildServer } from '../platform/http/server.js';
import { buildMetricsServer } from '../platform/http/metrics-endpoint.js';
import { startWorker, type Worker } from '../platform/jobs/worker.js';
import { schedulesFor } from './schedules.js';
import { startScheduler, type Scheduler } from '../platform/jobs/schedules.js';
import { onJobsEnqueued } from '../platform/jobs/queue.js';
import { createMailer } from '../platform/mail/mailer.js';
import { HTTP_LIMITS } from '../platform/http/limits.js';
import { packageRoot } from '../platform/paths.js';
import { controlSocketAddress } from '../platform/control/control-channel.js';
import { startControlServer, type ControlServer } from '../platform/control/control-server.js';
import { importControlRoutes } from '../collect/import/import.control.js';
import { demoControlRoutes } from './demo/demo.control.js';
import { openConfiguredDatabase } from './database.js';
import { servingStarted, warmUpAnalysis } from '../analyze/analysis/warm-up-analysis.js';
import { preloadAnalysisContexts } from '../analyze/analysis/analysis-context.js';

export const version: string = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).version;

export interface RunningApp {
  url: string;
  /** Where /metrics is served when METRICS_LISTEN moved it off the main address. */
  metricsUrl: string | null;
  database: Database;
  worker: Worker | null;
  /** The recurring work (schedules.ts), kept wherever jobs run. */
  scheduler: Scheduler | null;
  stop(): Promise<void>;
}

/** An embedded database on disk is owned by this process, which serves other commands' work for it. */
const offersControlChannel = (config: Config) =>
  !config.databaseUrl &&
  !config.dataDir.startsWith('memory://') &&
  process.platform !== 'win32' &&
  controlSocketAddress(config.dataDir) !== null;

export async function startApp(config: Config, log: Logger, options: { serveHttp?: boolean } = {}): Promise<RunningApp> {
  const offersControl = offersControlChannel(config);
  // The features' modules load while the database opens (its WebAssembly compiles on other threads).
  const features = Promise.all([import('./routes.js'), import('./jobs.js')]);
  features.catch(() => {}); // awaited below; a failure is reported there
  // The models load while the database opens, so that the first analysis after the process
  // answers does not wait for them.
  warmUpAnalysis().then(
    ({ seconds, longestStallMs }) => log.info({ seconds, longestStallMs }, 'analysis warmed up'),
    (err) => log.warn({ err }, 'analysis warm-up failed: the first analysis loads the models'),
  );
  const database = await openConfiguredDatabase(config, { offersControl });
  const [{ routeTable }, { jobHandlers }] = await features;
  preloadAnalysisContexts(database).catch((err) => log.warn({ err }, 'analysis contexts not preloaded: the first analyses build them'));
  let worker: Worker | null = null;
  let scheduler: Scheduler | null = null;
  let unsubscribe = () => false;
  const mailer = createMailer(config, log.child({ component: 'mail' }));
  if (config.runWorkers) {
    const workerLog = log.child({ component: 'worker' });
    worker = startWorker(
      database,
      jobHandlers({ database, mailer, publicUrl: config.publicUrl, dataDir: config.dataDir, log: workerLog }),
      workerLog,
    );
    const w = worker;
    unsubscribe = onJobsEnqueued(() => w.nudge());
    scheduler = startScheduler(database, schedulesFor(config), workerLog);
  }
  let control: ControlServer | null = null;
  if (offersControl) {
    try {
      control = await startControlServer({ database, config, log }, [importControlRoutes, demoControlRoutes], version);
    } catch (err) {
      log.warn({ err }, 'no control channel: `feedloop import` and `feedloop demo` cannot run while this process runs');
    }
  }
  let url = '';
  let app: Awaited<ReturnType<typeof buildServer>> | null = null;
  let metricsApp: Awaited<ReturnType<typeof buildMetricsServer>> | null = null;
  let metricsUrl: string | null = null;
  if (options.serveHttp !== false) {
    app = await buildServer({ config, database, log, version }, routeTable({ config, database }));
    url = await app.listen({ port: config.port, host: config.host });
    if (config.metricsListen) {
      metricsApp = await buildMetricsServer({
        token: config.metricsToken,
        https: config.publicUrl.startsWith('https://'),
        log: log.child({ component: 'metrics' }),
      });
      metricsUrl = await metricsApp.listen(config.metricsListen);
    }
  }
  servingStarted();
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      if (app) {
        app.draining = true; // new API requests get 503 while in-flight ones finish
        // Keep-alive connections that finish their request close at once instead of lingering;
        // whatever still runs after the grace period is cut.
        const sweep = setInterval(() => app?.server.closeIdleConnections(), 50);
        const timer = setTimeout(() => app?.server.closeAllConnections(), HTTP_LIMITS.shutdownGraceMs);
        await app.close();
        clearInterval(sweep);
        clearTimeout(timer);
      }
      await control?.close(); // a command's batch in flight finishes first
      await metricsApp?.close();
      scheduler?.stop();
      unsubscribe();
      await worker?.stop();
      mailer.close();
      await database.close();
    })();
    return stopping;
  };
  return { url, metricsUrl, database, worker, scheduler, stop };
}
