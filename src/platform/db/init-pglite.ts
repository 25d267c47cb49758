// Creates a new embedded database cluster and exits. Run in a child process on first start:
// initdb's peak memory stays in that process instead of the server's for its whole life.
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_CONF } from './pglite-conf.js';

const dir = process.argv[2];
const db = await PGlite.create(dir, { postgresqlconf: PGLITE_CONF });
await db.query('select 1');
await db.close();
