#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx's loader: no build step for users or CI.
import { register } from 'tsx/esm/api';

register();
process.env.CLVKIT_BIN = '1';
await import('../src/cli/main.ts');
