/**
 * The report in a real browser: headless Debian chromium driven by playwright-core. Outside CI the
 * test is skipped (with a message) when playwright-core or /usr/bin/chromium is missing; under CI
 * (process.env.CI set) a missing browser is a failure.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTransactions } from '../../src/ingest/transactions.ts';
import { buildReport } from '../../src/report/build.ts';
import { analyseForReport } from '../../src/report/analyse.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

type Playwright = typeof import('playwright-core');
let playwright: Playwright | undefined;
let missing = '';
try {
  playwright = await import('playwright-core');
} catch {
  missing = 'playwright-core is not installed';
}
if (!missing && !existsSync(CHROMIUM)) missing = `${CHROMIUM} is missing (apt-get install -y chromium)`;
if (missing) {
  if (process.env.CI) throw new Error(`browser test: ${missing} (CI is set, so this is a failure)`);
  console.warn(`browser test skipped: ${missing}`);
}

describe.runIf(!missing)('the report in headless chromium', () => {
  let dir: string;
  let staticFile: string;
  let interactiveFile: string;
  let frenchFile: string;
  let browser: import('playwright-core').Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clvkit-browser-'));
    const table = await readTransactions('data/sample-transactions.csv');
    const portfolio = analyseForReport(table, { calibrationEnd: '2025-06-30' });
    staticFile = join(dir, 'report.html');
    interactiveFile = join(dir, 'report-interactive.html');
    writeFileSync(staticFile, await buildReport({ source: 'sample-transactions.csv', table, portfolio }, { lang: 'en' }));
    writeFileSync(interactiveFile, await buildReport({ source: 'sample-transactions.csv', table, portfolio }, { lang: 'fr', interactive: true }));
    frenchFile = join(dir, 'rapport.html');
    writeFileSync(frenchFile, await buildReport({ source: 'sample-transactions.csv', table, portfolio }, { lang: 'fr' }));
    browser = await playwright!.chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Open a file with every non-file request blocked and recorded, and console errors collected. */
  async function open(file: string) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    const url = pathToFileURL(file).href;
    const attempted: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      if (r.url() !== url) attempted.push(r.url());
    });
    await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(String(err)));
    await page.goto(url, { waitUntil: 'load' });
    return { context, page, attempted, errors };
  }

  it('static report: no console errors, no requests, every chart has a non-empty SVG; screenshot', async () => {
    const { context, page, attempted, errors } = await open(staticFile);
    const charts = await page.$$eval('figure.chart', (figs) =>
      figs.map((f) => {
        const svg = f.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return { id: f.id, marks: svg ? svg.querySelectorAll('path, rect, line, text').length : 0, width: box?.width ?? 0, height: box?.height ?? 0 };
      }),
    );
    expect(charts.length).toBeGreaterThanOrEqual(10);
    for (const c of charts) {
      expect(c.marks, c.id).toBeGreaterThan(5);
      expect(c.width, c.id).toBeGreaterThan(50);
      expect(c.height, c.id).toBeGreaterThan(50);
    }
    const shot = join(tmpdir(), 'clvkit-report-screenshot.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(existsSync(shot)).toBe(true);
    expect(errors).toEqual([]);
    expect(attempted).toEqual([]);
    await context.close();
  });

  it('downloads a chart’s data as CSV from its link, without scripts or network', async () => {
    const context = await browser.newContext({ acceptDownloads: true, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(staticFile).href);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#chart-acquisitions a.csv')]);
    expect(download.suggestedFilename()).toBe('acquisitions.csv');
    const file = join(dir, 'downloaded.csv');
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\ufeffperiod,channel,new_customers\n2024-01,')).toBe(true);
    await context.close();
  });

  it('prints: the print stylesheet hides navigation and download links, and a PDF is produced', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(pathToFileURL(staticFile).href);
    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('nav.toc', (n) => getComputedStyle(n).display)).toBe('none');
    expect(await page.$eval('a.csv', (n) => getComputedStyle(n).display)).toBe('none');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(50_000);
    await context.close();
  });

  it('is readable on a phone: no horizontal scrolling of the page', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(pathToFileURL(staticFile).href);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: join(tmpdir(), 'clvkit-report-phone.png') });
    await context.close();
  });

  /** Smallest on-screen size (px) of any text in the charts that are displayed, and the widest chart. */
  async function chartText(page: import('playwright-core').Page) {
    return page.$$eval('figure.chart .svg', (boxes) => {
      let smallest = Infinity;
      let widest = 0;
      let where = '';
      for (const box of boxes) {
        if ((box as HTMLElement).offsetParent === null) continue; // the hidden rendition
        const svg = box.querySelector('svg');
        if (!svg) continue;
        const shown = svg.getBoundingClientRect().width;
        const own = svg.width.baseVal.value || shown;
        const scale = shown / own;
        widest = Math.max(widest, shown);
        for (const t of Array.from(svg.querySelectorAll('text'))) {
          if (!t.textContent?.trim()) continue;
          const size = parseFloat(t.getAttribute('font-size') ?? getComputedStyle(t).fontSize) * scale;
          if (size < smallest) {
            smallest = size;
            where = `${box.parentElement?.id}: "${t.textContent}"`;
          }
        }
      }
      return { smallest, widest, where };
    });
  }

  for (const [width, lang] of [[390, 'en'], [1366, 'en'], [390, 'fr'], [1366, 'fr']] as const) {
    it(`at ${width} px (${lang}): no chart text under 10 px, charts sized to the column, tables in a scrolling frame; screenshot`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(pathToFileURL(lang === 'en' ? staticFile : frenchFile).href);
      const text = await chartText(page);
      expect(text.smallest, text.where).toBeGreaterThanOrEqual(10);
      const column = await page.$eval('main', (m) => m.clientWidth - 2 * parseFloat(getComputedStyle(m).paddingLeft));
      // on a desktop the wide charts fill the column; on a phone a chart a little wider than the screen scrolls in its box
      if (width > 1000) {
        expect(text.widest).toBeLessThanOrEqual(column + 1);
        expect(text.widest).toBeGreaterThan(0.9 * column);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
      const frames = await page.$$eval('.tablewrap', (ws) => ws.map((w) => ({ overflow: getComputedStyle(w).overflowX, border: getComputedStyle(w).borderTopStyle, scrolls: w.scrollWidth > w.clientWidth })));
      for (const f of frames) {
        expect(f.overflow).toBe('auto');
        expect(f.border).toBe('solid');
      }
      if (width < 500) expect(frames.some((f) => f.scrolls)).toBe(true);
      await page.screenshot({ path: join(tmpdir(), `clvkit-report-${lang}-${width}.png`), fullPage: true });
      await context.close();
    });
  }

  it('sorts a table by a click on a column heading (numbers by value), and the list downloads as CSV', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(pathToFileURL(staticFile).href);
    const table = page.locator('#actions table').first();
    const values = async (j: number) => (await table.locator(`tbody tr td:nth-child(${j})`).allTextContents()).map((t) => Number(t.replace(/[^0-9.\-]/g, '')));
    await table.locator('thead th:nth-child(5) button').click(); // P(alive), descending
    const down = await values(5);
    expect(down).toEqual([...down].sort((a, b) => b - a));
    await table.locator('thead th:nth-child(5) button').click(); // ascending
    const up = await values(5);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#actions .tablefoot a.csv').first().click()]);
    expect(download.suggestedFilename()).toBe('at-risk-customers.csv');
    await context.close();
  });

  it('prints on A4 with every section heading kept with what follows it; PDF saved for a look', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(pathToFileURL(frenchFile).href);
    await page.emulateMedia({ media: 'print' });
    const kept = await page.$$eval('section > .keep', (ks) => ks.every((k) => k.firstElementChild?.tagName === 'H2' && getComputedStyle(k).breakInside === 'avoid'));
    expect(kept).toBe(true);
    const pdf = await page.pdf({ format: 'A4', path: join(tmpdir(), 'clvkit-report-fr.pdf') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  });

  it('interactive report: live charts, a tooltip on hover, no console errors, no requests', async () => {
    const { context, page, attempted, errors } = await open(interactiveFile);
    await page.waitForSelector('#chart-acquisitions[data-live="1"]', { timeout: 30_000 });
    const live = await page.$$eval('figure.chart', (figs) => figs.filter((f) => f.getAttribute('data-live') === '1').length);
    const total = await page.$$eval('figure.chart', (figs) => figs.length);
    expect(live).toBe(total);
    const bar = await page.$('#chart-acquisitions .mark-rect path');
    expect(bar).not.toBeNull();
    await bar!.scrollIntoViewIfNeeded();
    await bar!.hover({ force: true });
    await page.waitForSelector('#vg-tooltip-element.visible', { timeout: 10_000 });
    const tip = await page.textContent('#vg-tooltip-element');
    expect(tip).toMatch(/nouveaux clients/);
    await page.screenshot({ path: join(tmpdir(), 'clvkit-report-tooltip.png') });
    expect(errors).toEqual([]);
    expect(attempted).toEqual([]);
    await context.close();
  });
});
