// Serves the control channel (see control-channel.ts) for the process that owns the embedded
// database. Whoever can reach the socket is the OS user who owns the data directory and could
// open the database files anyway, so its requests act for that user, across workspaces.
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { handleError } from '../http/errors.js';
import { CONTROL_LIMITS, controlDir, controlSocketAddress } from './control-channel.js';

export interface ControlDeps {
  database: Database;
  config: Config;
  log: Logger;
}
export type ControlRoutes = (app: FastifyInstance, deps: ControlDeps) => void | Promise<void>;

export interface ControlServer {
  address: string;
  close(): Promise<void>;
}

/** The socket's directory: ours, not a link, and closed to every other user. */
function ownerOnlyDir(dir: string): void {
  fs.mkdirSync(dir, { mode: 0o700, recursive: true });
  const stat = fs.lstatSync(dir);
  if (!stat.isDirectory()) throw new Error(`${dir} is not a directory`);
  if (process.getuid && stat.uid !== process.getuid()) throw new Error(`${dir} belongs to another user`);
  fs.chmodSync(dir, 0o700);
}

export async function startControlServer(deps: ControlDeps, routes: ControlRoutes[], version: string): Promise<ControlServer> {
  const address = controlSocketAddress(deps.config.dataDir);
  if (!address) throw new Error(`The data directory's path is too long for a control socket: ${deps.config.dataDir}`);
  ownerOnlyDir(controlDir(deps.config.dataDir));
  // We hold the data directory's lock, so a socket file left here belongs to a process that died.
  fs.rmSync(address, { force: true });
  const app = Fastify({
    bodyLimit: CONTROL_LIMITS.bodyLimitBytes,
    loggerInstance: deps.log.child({ component: 'control' }),
    logController: new LogController({ disableRequestLogging: true }),
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.get('/v1/holder', async () => ({ pid: process.pid, version, dataDir: deps.config.dataDir, runsWorkers: deps.config.runWorkers }));
  for (const register of routes) await register(app, deps);
  await app.listen({ path: address });
  fs.chmodSync(address, 0o600);
  deps.log.info({ socket: path.resolve(address) }, 'control channel listening');
  return {
    address,
    async close() {
      await app.close();
      fs.rmSync(address, { force: true });
    },
  };
}
