#!/usr/bin/env node
// The published CLI: the compiled JavaScript in dist/, run with plain node (npm run build makes it).
process.env.CLVKIT_BIN = '1';
await import('../dist/cli/main.js');
