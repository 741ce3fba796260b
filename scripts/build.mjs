#!/usr/bin/env node
// npm run build: compiles src/ to dist/ (ESM JavaScript, .d.ts declarations, source maps) with the
// project's TypeScript (node_modules/typescript; the `tsc` on PATH may be tslab's older copy).
// dist/ is emptied first so that a removed source leaves no stale module behind.
// Then dist/stdlib.js, which re-exports the @stdlib functions clvkit uses, is replaced by one bundled file
// (esbuild): the packages are about 480 CommonJS modules that took 85–100 ms to load at every command start,
// the bundle about 20 ms. Their @license comments are kept at the end of the file.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
rmSync(join(root, 'dist'), { recursive: true, force: true });
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

const { build } = require('esbuild');
// `debug` (a logger one @stdlib function requires for its own tracing) becomes a logger that says nothing:
// it would pull Node's tty into the bundle and print only under DEBUG=…
const quietDebug = {
  name: 'quiet-debug',
  setup(build) {
    build.onResolve({ filter: /^debug$/ }, () => ({ path: 'debug', namespace: 'quiet-debug' }));
    build.onLoad({ filter: /.*/, namespace: 'quiet-debug' }, () => ({
      contents: 'module.exports = function () { function log() {} log.enabled = false; return log; };',
      loader: 'js',
    }));
  },
};
rmSync(join(root, 'dist', 'stdlib.js.map'), { force: true });
await build({
  entryPoints: [join(root, 'src', 'stdlib.ts')],
  outfile: join(root, 'dist', 'stdlib.js'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'eof',
  logLevel: 'warning',
  plugins: [quietDebug],
  allowOverwrite: true,
});
// a type error fails the build, after dist/ is written (the tests' setup needs the CLI either way)
process.exit(r.status ?? 1);
