// Registers a resolve hook that reports every module resolved, so a test can check what
// `clvkit --help` loads (it must not load TensorFlow, danfo, mathjs or vega).
import { register } from 'node:module';

register('data:text/javascript,' + encodeURIComponent(`
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  process.stderr.write('[import] ' + r.url + '\\n');
  return r;
}`));
