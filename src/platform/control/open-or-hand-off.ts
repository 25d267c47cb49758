// What a command that needs the database works with: the database itself, or, when a running
// Feedloop owns the embedded one, that process through its control channel.
import type { Config } from '../config.js';
import type { Database, OpenConfiguredDatabase } from '../db/client.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { reachHolder, type Holder } from './control-client.js';

export type CommandDatabase = { database: Database; holder?: undefined } | { holder: Holder; database?: undefined };

export async function openOrReachHolder(
  config: Config,
  open: OpenConfiguredDatabase,
  onWait?: (message: string) => void,
): Promise<CommandDatabase> {
  // The holder may stop between our attempts: then the directory is free and we open it.
  for (let attempt = 0; ; attempt++) {
    try {
      return { database: await open(config) };
    } catch (err) {
      if (!(err instanceof DataDirLockedError) || attempt >= 2) throw err;
      const holder = await reachHolder(err, onWait);
      if (holder) return { holder };
    }
  }
}
