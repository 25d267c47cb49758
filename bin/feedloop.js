#!/usr/bin/env node
// Runs the bundled CLI (npm run build creates dist/server/).
import('../dist/server/feedloop.js');
