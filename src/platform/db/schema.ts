// Every table of every domain, for Drizzle's typed queries.
export * from '../schema.js';
export * from '../../customers/schema.js';
export * from '../../collect/schema.js';
export * from '../../analyze/schema.js';
export * from '../../collect/surveys/schema.js';
export * from '../../collect/widget/schema.js';
export * from '../../customers/segments/schema.js';
export * from '../../collect/saved-views/schema.js';
