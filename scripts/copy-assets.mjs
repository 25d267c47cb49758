#!/usr/bin/env node
// Copies the non-TypeScript files the server reads at run time (model artifacts, in `artifacts/`
// folders such as src/analyze/model/artifacts) next to the compiled code in dist/.
import fs from 'node:fs';
import path from 'node:path';

for (const dir of fs.readdirSync('src', { recursive: true })) {
  const from = path.join('src', dir);
  if (path.basename(from) === 'artifacts' && fs.statSync(from).isDirectory()) {
    fs.cpSync(from, path.join('dist', from), { recursive: true });
  }
}
