#!/usr/bin/env node
// Runs the compiled CLI (npm run build creates dist/).
import('../dist/src/app/cli.js');
