#!/usr/bin/env node
// npm run build: compiles src/ to dist/ (ESM JavaScript, .d.ts declarations, source maps) with the
// project's TypeScript (node_modules/typescript; the `tsc` on PATH may be tslab's older copy).
// dist/ is emptied first so that a removed source leaves no stale module behind.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
rmSync(join(root, 'dist'), { recursive: true, force: true });
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
process.exit(r.status ?? 1);
