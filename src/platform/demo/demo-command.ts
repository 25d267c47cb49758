// `feedloop demo`: creates the demo workspace and analyses its feedback before returning.
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { openAndMigrate } from '../app.js';
import { startWorker } from '../jobs/worker.js';
import { jobHandlers } from '../jobs/handlers.js';
import { seedDemo } from './seed-demo.js';

export async function runDemoCommand(opts: { name: string }) {
  const config = loadConfig();
  const database = await openAndMigrate(config);
  try {
    const result = await seedDemo(database, opts.name, new Date(), config.publicUrl);
    const log = createLogger('warn');
    const worker = startWorker(database, jobHandlers(database, config, log), log);
    await worker.drain();
    await worker.stop();
    console.log(`Demo workspace "${result.workspace.name}" created: ${result.feedback} feedback items, ${result.customers} customers, ${result.orders} orders, ${result.events} events, ${result.surveys} surveys.`);
    console.log('Switch to it from the workspace menu in the dashboard.');
    console.log(`The demo shop with the website widget: ${config.publicUrl}/demo/widget`);
  } finally {
    await database.close();
  }
}
