/**
 * The `clvkit/report` entry point: pure Vega-Lite chart specs, SVG rendering (vega, in Node) and the
 * self-contained HTML report.
 *
 * @example
 * import { buildReport } from 'clvkit/report';
 */
export { buildReport, reportSections, type ReportInputs, type ReportOptions, type Accounted } from './build.ts';
export { analyseForReport, settleReportAnalysis, topIndices, COUNTING_MODELS, type ReportAnalysis, type ReportAnalysisOptions, type ModelAnalysis as ReportModelAnalysis, type ValueAnalysis as ReportValueAnalysis, type ModelCandidate, type CountingModelName } from './analyse.ts';
export { reportInputsFromFiles, type ReportFiles } from './inputs.ts';
export { interactionsReportInput, type InteractionsReportOptions } from './interactions-input.ts';
export { renderSvg, compileSpec, estimateTextWidth, installTextMetrics, type Lang } from './render.ts';
export { renderHtml, type HtmlOptions } from './html.ts';
export type { ReportDocument, Section as ReportSection, Block as ReportBlock, CsvData } from './document.ts';
export { formatter, messages, REFERENCES, type Formatter, type Messages } from './i18n.ts';
export { escapeHtml, scriptJson, csvDataUrl, safeFileName } from './escape.ts';
export {
  trackingSpec,
  holdoutSpec,
  frequencyRecencySpec,
  clvDistributionSpec,
  pyramidSpec,
  lorenzSpec,
  whaleSpec,
  rfmSpec,
  segmentsSpec,
  migrationSpec,
  acquisitionsSpec,
  cohortRetentionSpec,
  survivalSpec,
  funnelSpec,
  kanoSpec,
  npsSpec,
  coefficientsSpec,
  regularitySpec,
  periodTransactionsSpec,
  aliveHistorySpec,
  heterogeneitySpec,
  type ChartOptions,
} from './charts/index.ts';
