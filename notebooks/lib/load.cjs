// Loads an ES module for a notebook cell: `const clv = await load('clvkit')`.
//
// tslab runs each cell in a vm context and compiles `import()` to `require()`. That is enough for
// clvkit's core API, but vega (the chart renderer) is an ES module with top-level await and cannot
// be required. A dynamic import() written in an ordinary CommonJS module like this one is a real
// ES import, handled by Node's loader (with `NODE_OPTIONS="--import tsx"` it also loads .ts files).
//
// Specifiers starting with `src/`, `data/` or `notebooks/` are taken from the project root;
// anything else (a package name, `clvkit` itself) is resolved as usual.
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const root = path.resolve(__dirname, '..', '..');

module.exports = function load(specifier) {
  if (/^(src|data|notebooks)\//.test(specifier)) specifier = pathToFileURL(path.join(root, specifier)).href;
  return import(specifier);
};
module.exports.root = root;
