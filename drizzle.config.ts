import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // The one list of tables, also the one the database client is opened with.
  schema: './src/app/tables.ts',
  out: './drizzle',
});
