import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/schema.ts', './src/customers/schema.ts', './src/collect/schema.ts', './src/analyze/schema.ts', './src/collect/surveys/schema.ts', './src/collect/widget/schema.ts', './src/customers/segments/schema.ts', './src/collect/saved-views/schema.ts', './src/act/schema.ts', './src/loop/schema.ts'],
  out: './drizzle',
});
