/**
 * buildReport: the whole portfolio report as one HTML string, from whatever results are given.
 * The page is a list of independent sections, each built from one result object; a section appears
 * only when its input is there (contracts, leads, Kano, NPS, survey) or its analysis succeeded (model).
 */
import type { RowAccounting, TransactionTable } from '../types.ts';
import type { ContractRetention } from '../outcomes/contract-retention.ts';
import type { LeadFunnel } from '../outcomes/funnel.ts';
import type { KanoResult } from '../research/kano.ts';
import type { SurveyAnalysis } from '../research/study.ts';
import { NO_DAY } from '../outcomes/customers.ts';
import { analyseForReport, settleReportAnalysis, type ReportAnalysisOptions, type ReportAnalysis } from './analyse.ts';
import type { ReportDocument, Section } from './document.ts';
import { renderHtml } from './html.ts';
import type { Lang } from './locales.ts';
import type { SvgRenderer } from './render-pool.ts';
import { responsiveSpecs } from './charts/responsive.ts';
import { actionsSection, summarySection, withReadingGuide } from './sections/decisions.ts';
import { fitError, sectionContext } from './sections/context.ts';
import {
  accountingSection, contractsSection, keyFiguresSection, reportWarnings, modelSection, recruitmentSection, segmentsSection, valueSection, type AccountedInput,
} from './sections/portfolio.ts';
import { kanoSection, methodsSection, npsSection, surveySection, type NpsInput } from './sections/research.ts';
import { referralSection, type ReferralSectionInput } from './sections/referrals.ts';
import { interactionsSection } from './sections/interactions.ts';
import type { InteractionAnalysis } from '../outcomes/interactions.ts';

function modelTitle(model: string | undefined): string {
  if (model === 'auto' || model === undefined) return 'BG/NBD';
  return model === 'mbgnbd' ? 'MBG/NBD' : model === 'paretonbd' ? 'Pareto/NBD' : 'BG/NBD';
}

/** A research input with its file and row accounting. */
export interface Accounted<T> {
  result: T;
  file: string;
  accounting?: RowAccounting | { read: number; used: number; rejected: Record<string, number> };
}

/** The inputs of a report; only `source` and `table` are required. */
export interface ReportInputs {
  /** Name of the transaction file as shown in the report. */
  source: string;
  table: TransactionTable;
  /** The portfolio analyses; computed from the table with the options when absent. */
  portfolio?: ReportAnalysis;
  contracts?: Accounted<ContractRetention>;
  leads?: Accounted<LeadFunnel>;
  kano?: Accounted<KanoResult>;
  nps?: Accounted<NpsInput>;
  survey?: Accounted<SurveyAnalysis>;
  referrals?: Accounted<ReferralSectionInput>;
  /** The analysis of `clvkit interactions` (touchpoints in the purchase and attrition models); `horizon`: the contact plans' horizon in periods. */
  interactions?: Accounted<InteractionAnalysis> & { horizon?: number };
}

/** Options of {@link buildReport}. */
export interface ReportOptions extends ReportAnalysisOptions {
  lang?: Lang;
  /** Inline the Vega runtime for tooltips. */
  interactive?: boolean;
  /** ISO 4217 currency of the amounts (default: none, amounts shown without a symbol). */
  currency?: string;
  /** Date printed as the generation date (default today), for reproducible files. */
  generatedOn?: Date;
  /** Called after each chart is rendered (done, total). */
  onChart?: (done: number, total: number) => void;
  /**
   * Workers that render charts beside this thread (startRenderWorkers): this thread renders from the first chart
   * on, the workers from the last one back; default: every chart by renderSvg in this thread. The same page.
   */
  renderer?: SvgRenderer;
}

/**
 * The report's sections, in page order, from the inputs (no rendering).
 *
 * @example
 * const sections = reportSections({ source: 'tx.csv', table }, analyseForReport(table), 'en');
 * sections.map((s) => s.id); // ['key-figures', 'inputs', 'value', 'model', 'segments', 'recruitment', 'priorities', 'methods']
 */
export function reportSections(inputs: ReportInputs, p: ReportAnalysis, lang: Lang, options: { currency?: string; model?: string } = {}): Section[] {
  const ctx = sectionContext(lang, options.currency);
  const accounted: AccountedInput[] = [{ file: inputs.source, kind: 'transactions', accounting: p.summary.accounting ?? inputs.table.accounting }];
  const add = (kind: AccountedInput['kind'], a?: Accounted<unknown>) => {
    if (a?.accounting) accounted.push({ file: a.file, kind, accounting: a.accounting });
  };
  add('contracts', inputs.contracts);
  add('leads', inputs.leads);
  add('survey', inputs.survey);
  add('kano', inputs.kano);
  add('nps', inputs.nps);
  add('referrals', inputs.referrals);
  add('touchpoints', inputs.interactions);
  const model: Section | null = p.model
    ? modelSection(p.model, p.summary, ctx, p.calibration?.calibrationEnd !== undefined ? ctx.f.date(p.calibration.calibrationEnd) : undefined)
    : p.modelError
      ? { id: 'model', title: ctx.m.secModel, blocks: [{ kind: 'paragraph', text: ctx.m.modelFailed(modelTitle(options.model), fitError(ctx, p.modelError)) }] }
      : null;
  const modelName = p.model ? modelTitle(p.model.chosen) : modelTitle(options.model);
  const sections: (Section | null)[] = [
    summarySection(p, ctx, modelName, options.currency),
    keyFiguresSection(p.facts, inputs.table.length, ctx, p.value, reportWarnings(p, ctx)),
    accountingSection(accounted, ctx),
    valueSection(p.value, ctx, p.facts.hasAmount),
    model,
    segmentsSection(p.value, ctx),
    recruitmentSection({ recruitment: p.recruitment, cohorts: p.cohorts, conversion: p.conversion, leads: inputs.leads?.result }, ctx),
    inputs.contracts ? contractsSection(inputs.contracts.result, ctx) : null,
    actionsSection(p.value, p.summary.end, ctx),
    inputs.referrals ? referralSection(inputs.referrals.result, ctx) : null,
    inputs.interactions ? interactionsSection(inputs.interactions.result, ctx, { horizon: inputs.interactions.horizon }) : null,
    inputs.kano ? kanoSection(inputs.kano.result, ctx) : null,
    inputs.nps ? npsSection(inputs.nps.result, ctx) : null,
    inputs.survey ? surveySection(inputs.survey.result, ctx) : null,
    methodsSection(
      ctx,
      ctx.m.settingsText(
        p.model ? modelTitle(p.model.chosen) : modelTitle(options.model),
        p.calibration?.calibrationEnd !== undefined ? ctx.f.date(p.calibration.calibrationEnd) : ctx.m.none,
        ctx.f.int(p.value.horizonMonths),
        ctx.f.pct(p.value.annualDiscount, 0),
        ctx.f.pct(p.value.margin, 0),
        options.currency ? options.currency.toUpperCase() : ctx.m.noCurrency,
      ),
    ),
  ];
  return sections.filter((s): s is Section => s !== null).map((s) => withReadingGuide(s, ctx));
}

/**
 * The SVG with its gradient ids (vega's `gradient_<n>`) numbered by `next()` in order of first appearance.
 *
 * @example
 * renumberGradients('<linearGradient id="gradient_7"/><path fill="url(#gradient_7)"/>', () => 0); // ids gradient_0
 */
export function renumberGradients(svg: string, next: () => number): string {
  const ids = new Map<string, number>();
  return svg.replace(/(id="|url\(#)gradient_(\d+)/g, (_, before: string, n: string) => {
    let k = ids.get(n);
    if (k === undefined) ids.set(n, (k = next()));
    return `${before}gradient_${k}`;
  });
}

/**
 * The whole report as a self-contained HTML page.
 *
 * @example
 * const table = await readTransactions('data/sample-transactions.csv');
 * const html = await buildReport({ source: 'sample-transactions.csv', table }, { lang: 'fr', calibrationEnd: '2025-06-30' });
 * writeFileSync('reports/demo.html', html);
 */
export async function buildReport(inputs: ReportInputs, options: ReportOptions = {}): Promise<string> {
  const lang = options.lang ?? 'en';
  // the chart renderer loads while equity draws still running in a worker (equityInWorker) are waited for
  const renderModule = import('./render.ts');
  renderModule.catch(() => undefined); // awaited below; a failure before that must not go unhandled
  const p = await settleReportAnalysis(inputs.portfolio ?? analyseForReport(inputs.table, options));
  const sections = reportSections(inputs, p, lang, options);
  const charts = sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'chart');
  // every rendition (wide, and narrow for phones) in page order; this thread renders from the front, the
  // renderer's workers (when given) from the back, until they meet (the page keeps the order either way)
  const jobs = charts.flatMap((b) => {
    if (b.kind !== 'chart') return [];
    const { wide, narrow } = responsiveSpecs(b.spec);
    return [{ b, spec: wide, narrow: false }, ...(narrow ? [{ b, spec: narrow, narrow: true }] : [])];
  });
  const left = new Map(charts.map((b) => [b, 0]));
  for (const j of jobs) left.set(j.b, left.get(j.b)! + 1);
  let done = 0;
  const put = (j: (typeof jobs)[number], svg: string) => {
    if (j.b.kind !== 'chart') return;
    if (j.narrow) j.b.svgNarrow = svg;
    else j.b.svg = svg;
    const rest = left.get(j.b)! - 1;
    left.set(j.b, rest);
    if (rest === 0) options.onChart?.(++done, charts.length);
  };
  let front = 0;
  let back = jobs.length - 1;
  const { renderSvg } = await renderModule;
  const here = async () => {
    while (front <= back) {
      const j = jobs[front++];
      put(j, await renderSvg(j.spec, lang));
      // let the workers' answers in between two charts (they are handed the next job from the back)
      if (options.renderer) await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const renderer = options.renderer;
  const there = async () => {
    while (renderer && front <= back) {
      const j = jobs[back--];
      put(j, await renderer.render(j.spec, lang));
    }
  };
  await Promise.all([here(), ...Array.from({ length: renderer?.workers ?? 0 }, there)]);
  // vega numbers gradients with a counter per thread: renumbered in page order, so that ids are unique in the page
  // and the same whichever thread rendered which chart
  let gradients = 0;
  for (const b of charts) {
    if (b.kind !== 'chart') continue;
    b.svg = renumberGradients(b.svg!, () => gradients++);
    if (b.svgNarrow !== undefined) b.svgNarrow = renumberGradients(b.svgNarrow, () => gradients++);
  }
  const ctx = sectionContext(lang, options.currency);
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < p.facts.first.length; i++) {
    if (p.facts.first[i] === NO_DAY) continue;
    if (p.facts.first[i] < first) first = p.facts.first[i];
    if (p.facts.last[i] > last) last = p.facts.last[i];
  }
  const today = options.generatedOn ?? new Date();
  const doc: ReportDocument = {
    lang,
    title: ctx.m.title,
    subtitle: ctx.m.subtitle(inputs.source, ctx.f.date(first), ctx.f.date(last)),
    generated: (options.interactive ? ctx.m.generatedInteractive : ctx.m.generated)(ctx.f.date(Math.floor(today.getTime() / 86_400_000))),
    sections,
  };
  return renderHtml(doc, { interactive: options.interactive });
}
