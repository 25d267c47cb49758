// `feedloop demo`: creates the demo workspace and analyses its feedback before returning; when a
// running server owns the embedded database, that server seeds it and analyses it.
import { loadConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { startWorker } from '../../platform/jobs/worker.js';
import { jobHandlers } from '../jobs.js';
import { openOrReachHolder } from '../../platform/control/open-or-hand-off.js';
import { openConfiguredDatabase } from '../database.js';
import { createMailer } from '../../platform/mail/mailer.js';
import { seedDemo } from './seed-demo.js';

interface DemoResult {
  workspace: { name: string; slug: string };
  feedback: number;
  customers: number;
  orders: number;
  events: number;
  surveys: number;
  responses: number;
  tickets: number;
}

export async function runDemoCommand(opts: { name: string }) {
  const config = loadConfig();
  const connection = await openOrReachHolder(config, openConfiguredDatabase, (message) => console.error(message));
  try {
    let result: DemoResult;
    if (connection.holder) {
      result = await connection.holder.request<DemoResult>('POST', '/v1/demo', { name: opts.name });
    } else {
      const { database } = connection;
      result = await seedDemo(database, opts.name, new Date(), config.publicUrl);
      const log = createLogger('warn');
      const mailer = createMailer(config, log);
      const worker = startWorker(
        database,
        jobHandlers({ database, mailer, publicUrl: config.publicUrl, dataDir: config.dataDir, log }),
        log,
      );
      await worker.drain();
      await worker.stop();
      mailer.close();
    }
    console.log(
      `Demo workspace "${result.workspace.name}" (--workspace ${result.workspace.slug}) created: ${result.feedback} feedback items, ${result.customers} customers, ${result.orders} orders, ${result.events} events, ${result.surveys} surveys with ${result.responses} responses, ${result.tickets} tickets.`,
    );
    if (connection.holder) {
      console.log(
        `The running Feedloop (pid ${connection.holder.pid}) created it${
          connection.holder.runsWorkers
            ? ' and is analysing its feedback now.'
            : '; its feedback is analysed once a process with WORKERS=on runs.'
        }`,
      );
    }
    console.log('Switch to it from the workspace menu in the dashboard.');
    console.log(`The demo shop with the website widget: ${config.publicUrl}/demo/widget`);
  } finally {
    connection.holder?.close();
    await connection.database?.close();
  }
}
