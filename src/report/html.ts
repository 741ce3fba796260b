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
import type { Block, ReportDocument, Section } from './document.ts';
import { csvDataUrl, escapeHtml as e, safeFileName, scriptJson } from './escape.ts';
import { messages } from './i18n.ts';
import { NUMBER_LOCALES } from './render.ts';

export interface HtmlOptions {
  /** Inline the Vega runtime for tooltips (about 0.8 MB). */
  interactive?: boolean;
}

const CSS = `
:root{--fg:#1d2329;--muted:#5b6570;--line:#d9dee3;--accent:#1f5f8b;--bg:#fff}
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
figure.chart{margin:1em 0;overflow-x:auto}
figure.chart .svg svg{max-width:100%;height:auto}
figure.chart figcaption{font-size:.85rem}
a.csv{color:var(--accent)}
.tablewrap{overflow-x:auto;margin:.6em 0}
table{border-collapse:collapse;font-size:.9rem;min-width:50%}
caption{text-align:left;font-weight:bold;padding:4px 0}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;}
.vg-tooltip,#vg-tooltip-element{font-size:12px}
@media (max-width:600px){body{font-size:15px}main{padding:10px}nav.toc ol{columns:1}h1{font-size:1.4rem}}
@media print{
 body{font-size:11pt}main{max-width:none;padding:0}
 nav.toc,a.csv{display:none}
 h2{break-after:avoid;page-break-after:avoid}
 figure.chart,.figures,table{break-inside:avoid;page-break-inside:avoid}
 figure.chart{overflow:visible}
}
`;

function blockHtml(b: Block, csvLabel: string, lang: 'en' | 'fr'): string {
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
      return `<div class="tablewrap"><table>${b.caption ? `<caption>${e(b.caption)}</caption>` : ''}<thead>${head}</thead><tbody>${body}</tbody></table></div>`;
    }
    case 'chart': {
      const csv = toCsv(b.csv.header, b.csv.rows, lang === 'fr' ? CSV_FR : CSV_EN);
      return (
        `<figure class="chart" id="${e(b.id)}"><div class="svg" role="img" aria-label="${e(b.title)}">${b.svg ?? ''}</div>` +
        `<figcaption><a class="csv" download="${e(safeFileName(b.csv.name))}" href="${e(csvDataUrl(csv))}">${e(csvLabel)}</a></figcaption></figure>`
      );
    }
  }
}

function sectionHtml(s: Section, csvLabel: string, lang: 'en' | 'fr'): string {
  return `<section id="${e(s.id)}"><h2>${e(s.title)}</h2>${s.blocks.map((b) => blockHtml(b, csvLabel, lang)).join('\n')}</section>`;
}

const require = createRequire(import.meta.url);

/** A browser build from node_modules, made safe to sit inside a <script> element. */
function browserBuild(pkg: string, file: string): string {
  const dirs = require.resolve.paths(pkg) ?? [];
  const path = dirs.map((d) => join(d, pkg, 'build', file)).find((f) => existsSync(f));
  if (!path) throw new ClvkitError(`--interactive needs ${pkg}/build/${file} (npm install ${pkg})`);
  return readFileSync(path, 'utf8').replace(/<\/(script)/gi, '<\\/$1').replace(/\/\/# sourceMappingURL=\S+/g, '');
}

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
  const csp = options.interactive
    ? "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline' 'unsafe-eval'"
    : "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
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
${doc.sections.map((s) => sectionHtml(s, m.downloadCsv, doc.lang)).join('\n')}
</main>
${scripts}
</body>
</html>
`;
}
