/**
 * One self-contained HTML page: inline CSS (readable on a phone, print styles), inline SVG charts,
 * CSV downloads as `data:` links, and nothing that fetches from the network. With `interactive`
 * the vega, vega-lite and vega-embed browser builds are inlined and each static chart is replaced
 * by a live view with tooltips once the page has loaded (the static SVG stays when scripts are off).
 */
import { existsSync, readFileSync } from 'node:fs';
import { ClvkitError } from '../errors.ts';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { toCsv, CSV_EN, CSV_FR } from '../io/csv.ts';
import { createHash } from 'node:crypto';
import type { Block, CsvData, ReportDocument, Section } from './document.ts';
import { csvDataUrl, escapeHtml as e, safeFileName, scriptJson } from './escape.ts';
import { guide } from './guide.ts';
import { messages, type Messages } from './i18n.ts';
import { NUMBER_LOCALES } from './locales.ts';

export interface HtmlOptions {
  /** Inline the Vega runtime for tooltips (about 0.8 MB). */
  interactive?: boolean;
}

const CSS = `
:root{--fg:#1d2329;--muted:#5b6570;--line:#d9dee3;--accent:#1f5f8b;--bg:#fff;--note:#f4f7fa}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:980px;margin:0 auto;padding:16px}
header.report{border-bottom:3px solid var(--accent);margin-bottom:16px}
h1{font-size:1.7rem;margin:.4em 0 .2em}
h3{font-size:1.1rem;margin:1.2em 0 .4em}
h2{font-size:1.3rem;margin:1.6em 0 .5em;padding-top:.3em;border-top:1px solid var(--line)}
.sub,.generated{color:var(--muted);margin:.2em 0}
.generated{font-size:.85rem}
nav.toc ol{columns:2;padding-left:1.2em;margin:.3em 0}
nav.toc a{color:var(--accent)}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin:.6em 0}
.figure{border:1px solid var(--line);border-radius:6px;padding:8px 10px}
@media (min-width:420px){.figure.wide{grid-column:span 2}}
.figure .label{font-size:.8rem;color:var(--muted)}
.figure .value{font-size:1.3rem;font-weight:bold;}
.figure .note{font-size:.75rem;color:var(--muted)}
.readnote{background:var(--note);border-left:3px solid var(--accent);padding:6px 10px;margin:.6em 0;font-size:.92rem}
dl.defs{margin:.6em 0;font-size:.92rem}
dl.defs dt{font-weight:bold;margin-top:.4em}
dl.defs dd{margin:0 0 0 1em;color:var(--fg)}
figure.chart{margin:1em 0}
figure.chart .svg{overflow-x:auto}
figure.chart .svg svg{max-width:100%;height:auto;display:block}
figure.chart .svg.narrow{display:none}
figure.chart .svg.narrow svg{max-width:none}
figure.chart figcaption{font-size:.85rem}
figure.chart .chartnote{color:var(--muted);margin:.2em 0}
a.csv{color:var(--accent)}
.tablewrap{overflow-x:auto;margin:.6em 0;border:1px solid var(--line);border-radius:4px;
 background:linear-gradient(to right,#fff 30%,rgba(255,255,255,0)),linear-gradient(to left,#fff 30%,rgba(255,255,255,0)) 100% 0,
 radial-gradient(farthest-side at 0 50%,rgba(0,0,0,.18),rgba(0,0,0,0)),radial-gradient(farthest-side at 100% 50%,rgba(0,0,0,.18),rgba(0,0,0,0)) 100% 0;
 background-repeat:no-repeat;background-size:40px 100%,40px 100%,14px 100%,14px 100%;background-attachment:local,local,scroll,scroll}
table{border-collapse:collapse;font-size:.9rem;min-width:100%}
caption{text-align:left;font-weight:bold;padding:4px 8px}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
th button.sort{font:inherit;font-weight:bold;background:none;border:0;padding:0;cursor:pointer;color:inherit;text-align:inherit}
th button.sort::after{content:" \\2195";color:var(--muted);font-weight:normal}
th[aria-sort=ascending] button.sort::after{content:" \\2191"}
th[aria-sort=descending] button.sort::after{content:" \\2193"}
.tablefoot{font-size:.85rem;color:var(--muted);margin:-.3em 0 .8em}
.vg-tooltip,#vg-tooltip-element{font-size:12px}
@media (max-width:600px){body{font-size:15px}main{padding:10px}nav.toc ol{columns:1}h1{font-size:1.4rem}
 figure.chart .svg.wide{display:none}figure.chart .svg.narrow{display:block}
 figure.chart .svg svg{max-width:none}
 figure.chart .svg.wide:only-child{display:block}
 td,th{white-space:nowrap}}
.keep{break-inside:avoid;page-break-inside:avoid}
@media print{
 body{font-size:11pt}main{max-width:none;padding:0}
 nav.toc,a.csv,th button.sort::after{display:none}
 h2,h3{break-after:avoid;page-break-after:avoid}
 figure.chart,.figures,table,.readnote,dl.defs{break-inside:avoid;page-break-inside:avoid}
 figure.chart .svg{overflow:visible}figure.chart .svg.narrow{display:none}
figure.chart .svg.narrow svg{max-width:none}figure.chart .svg.wide{display:block}
 .tablewrap{overflow:visible;border:0;background:none}
}
`;

function blockHtml(b: Block, m: Messages, lang: 'en' | 'fr'): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${e(b.text)}</p>`;
    case 'heading':
      return `<h3>${e(b.text)}</h3>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${e(i)}</li>`).join('')}</${tag}>`;
    }
    case 'figures':
      return `<div class="figures">${b.items
        .map((f) => `<div class="figure${f.value.length > 14 ? ' wide' : ''}"><div class="label">${e(f.label)}</div><div class="value">${e(f.value)}</div>${f.note ? `<div class="note">${e(f.note)}</div>` : ''}</div>`)
        .join('')}</div>`;
    case 'table': {
      const cls = (j: number) => (b.numeric?.[j] ? ' class="num"' : '');
      const head = `<tr>${b.header.map((h, j) => `<th scope="col"${cls(j)}>${e(h)}</th>`).join('')}</tr>`;
      const body = b.rows.map((r) => `<tr>${r.map((c, j) => `<td${cls(j)}>${e(c)}</td>`).join('')}</tr>`).join('');
      const table = `<div class="tablewrap" tabindex="0"><table class="sortable">${b.caption ? `<caption>${e(b.caption)}</caption>` : ''}<thead>${head}</thead><tbody>${body}</tbody></table></div>`;
      const foot: string[] = [];
      const g = guide(lang);
      const int = (n: number) => new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(n);
      if (b.total !== undefined && b.total > b.rows.length) {
        const inCsv = b.csv?.rows.length ?? 0;
        foot.push(e(inCsv >= b.total ? g.tableShown(int(b.rows.length), int(b.total)) : g.tableShownCapped(int(b.rows.length), int(b.total), int(inCsv))));
      }
      if (b.csv) foot.push(csvLink(b.csv, g.downloadTableCsv, lang));
      return foot.length ? `${table}<p class="tablefoot">${foot.join(' ')}</p>` : table;
    }
    case 'note':
      return `<p class="readnote">${e(b.text)}</p>`;
    case 'definitions':
      return `<dl class="defs">${b.items.map((d) => `<dt>${e(d.term)}</dt><dd>${e(d.text)}</dd>`).join('')}</dl>`;
    case 'chart': {
      const wide = `<div class="svg${b.svgNarrow ? ' wide' : ''}" role="img" aria-label="${e(b.title)}">${b.svg ?? ''}</div>`;
      const narrow = b.svgNarrow ? `<div class="svg narrow" role="img" aria-label="${e(b.title)}">${b.svgNarrow}</div>` : '';
      return (
        `<figure class="chart" id="${e(b.id)}">${wide}${narrow}` +
        `<figcaption>${b.note ? `<p class="chartnote">${e(b.note)}</p>` : ''}${csvLink(b.csv, m.downloadCsv, lang)}</figcaption></figure>`
      );
    }
  }
}

/** A download link holding a table's data as CSV (a data: URL: the page stays self-contained). */
function csvLink(data: CsvData, label: string, lang: 'en' | 'fr'): string {
  const csv = toCsv(data.header, data.rows, lang === 'fr' ? CSV_FR : CSV_EN);
  return `<a class="csv" download="${e(safeFileName(data.name))}" href="${e(csvDataUrl(csv))}">${e(label)}</a>`;
}

function sectionHtml(s: Section, m: Messages, lang: 'en' | 'fr'): string {
  // the heading stays on the page of what follows it (print): it is kept with the first block
  const blocks = s.blocks.map((b) => blockHtml(b, m, lang));
  const first = blocks.length ? blocks[0] : '';
  return `<section id="${e(s.id)}"><div class="keep"><h2>${e(s.title)}</h2>${first}</div>${blocks.slice(1).join('\n')}</section>`;
}

const require = createRequire(import.meta.url);

/** A browser build from node_modules, made safe to sit inside a <script> element. */
function browserBuild(pkg: string, file: string): string {
  const dirs = require.resolve.paths(pkg) ?? [];
  const path = dirs.map((d) => join(d, pkg, 'build', file)).find((f) => existsSync(f));
  if (!path) throw new ClvkitError(`--interactive needs ${pkg}/build/${file} (npm install ${pkg})`);
  return readFileSync(path, 'utf8').replace(/<\/(script)/gi, '<\\/$1').replace(/\/\/# sourceMappingURL=\S+/g, '');
}

// Runs in the page: makes every table sortable by a click on its column heading (numbers by value,
// read in the page's language; text by the language's collation). Without JavaScript the tables stay
// plain, in the order the report chose. Allowed by the page's CSP through its hash.
const SORT = `
(function(){
  var fr=document.documentElement.lang==='fr';
  function num(t){var s=t.replace(/[\\s\\u00a0\\u202f%\\u20ac$\\u00a3]/g,'').replace('\\u2212','-');s=fr?s.replace(/\\./g,'').replace(',','.'):s.replace(/,/g,'');var v=parseFloat(s);return isNaN(v)?null:v;}
  document.querySelectorAll('table.sortable').forEach(function(table){
    var ths=table.querySelectorAll('thead th');
    ths.forEach(function(th,j){
      var b=document.createElement('button');b.type='button';b.className='sort';b.textContent=th.textContent;th.textContent='';th.appendChild(b);
      b.addEventListener('click',function(){
        var dir=th.getAttribute('aria-sort')==='descending'?'ascending':'descending';
        ths.forEach(function(o){o.removeAttribute('aria-sort');});th.setAttribute('aria-sort',dir);
        var numeric=th.classList.contains('num');var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
        rows.sort(function(a,c){var x=a.cells[j].textContent,y=c.cells[j].textContent,r;
          if(numeric){var p=num(x),q=num(y);r=(p===null)-(q===null)||(p===null?0:p-q);}else r=x.localeCompare(y,document.documentElement.lang);
          return dir==='ascending'?r:-r;});
        rows.forEach(function(r){body.appendChild(r);});
      });
    });
  });
})();`;

// Runs in the page: replaces each static chart by a live vega-embed view with tooltips.
const BOOT = `
(function(){
  var data=JSON.parse(document.getElementById('clvkit-specs').textContent);
  var opts={actions:false,renderer:'svg',mode:'vega-lite',formatLocale:data.locale,tooltip:{theme:'light'}};
  data.charts.forEach(function(c){
    var fig=document.getElementById(c.id); if(!fig) return;
    var box=fig.querySelector('.svg'); var holder=document.createElement('div');
    vegaEmbed(holder,c.spec,opts).then(function(){box.replaceChildren(holder);fig.setAttribute('data-live','1');})
      .catch(function(err){console.warn('chart '+c.id+': '+err);});
  });
})();`;

/**
 * The page for a report document. Chart blocks must carry their rendered SVG.
 *
 * @example
 * const html = renderHtml(doc, { interactive: false }); // '<!doctype html><html lang="fr">…'
 */
export function renderHtml(doc: ReportDocument, options: HtmlOptions = {}): string {
  const m = messages(doc.lang);
  const toc = `<nav class="toc" aria-label="${e(m.contents)}"><strong>${e(m.contents)}</strong><ol>${doc.sections.map((s) => `<li><a href="#${e(s.id)}">${e(s.title)}</a></li>`).join('')}</ol></nav>`;
  const sortHash = `'sha256-${createHash('sha256').update(SORT).digest('base64')}'`;
  const csp = options.interactive
    ? "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline' 'unsafe-eval'"
    : `default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src ${sortHash}`;
  let scripts = '';
  if (options.interactive) {
    const charts = doc.sections.flatMap((s) => s.blocks).filter((b): b is Extract<Block, { kind: 'chart' }> => b.kind === 'chart').map((b) => ({ id: b.id, spec: b.spec }));
    scripts =
      `<script type="application/json" id="clvkit-specs">${scriptJson({ locale: NUMBER_LOCALES[doc.lang], charts })}</script>\n` +
      `<script>${browserBuild('vega', 'vega.min.js')}</script>\n<script>${browserBuild('vega-lite', 'vega-lite.min.js')}</script>\n` +
      `<script>${browserBuild('vega-embed', 'vega-embed.min.js')}</script>\n<script>${BOOT}</script>`;
  }
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>${e(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header class="report"><h1>${e(doc.title)}</h1><p class="sub">${e(doc.subtitle)}</p><p class="generated">${e(doc.generated)}</p></header>
${toc}
${doc.sections.map((s) => sectionHtml(s, m, doc.lang)).join('\n')}
</main>
<script>${SORT}</script>
${scripts}
</body>
</html>
`;
}
