/**
 * The public TypeScript API of clvkit. Everything the CLI does is callable from here.
 *
 * @example
 * import { readTransactions, summarize, fitBgNbd } from 'clvkit';
 * const summary = summarize(await readTransactions('orders.csv'), { freq: 'week' });
 * const model = fitBgNbd(summary);
 * model.probabilityAlive({ frequency: 2, recency: 30.4, T: 38.9 });
 */
export { ClvkitError, UsageError } from './errors.js';
// Ingest
export { readTransactions, parseTransactions, customerCount } from './ingest/transactions.js';
export { parseDate, parseDateOption, formatDay, daysFromCivil, civilFromDays } from './ingest/dates.js';
export { parseNumber } from './ingest/number.js';
export { readTable, parseTable, columnIndex, optionalColumnIndex, numberCell, normalizeHeader } from './ingest/table.js';
export { toDataFrame, summaryFromDataFrame } from './ingest/dataframe.js';
export { readSummaryFile, summaryFromTable, detectModelInputKind } from './ingest/summary-file.js';
// Summary
export { summarize, unitDays } from './summary/summarize.js';
export { compressSummary } from './summary/compress.js';
export { summaryColumns, summaryRows, summaryJson, formatAccounting } from './summary/export.js';
export { maximizeLikelihood } from './models/fit.js';
export { fitBgNbd, bgNbdModel, bgNbdLogLikelihood } from './models/bgnbd.js';
export { fitMbgNbd, mbgNbdModel, mbgNbdLogLikelihood } from './models/mbgnbd.js';
export { fitParetoNbd, paretoNbdModel, paretoNbdLogLikelihood } from './models/paretonbd.js';
export { fitBgBb, bgBbModel, bgBbLogLikelihoodRow, compressBgBb } from './models/bgbb.js';
export { fitSbg, sbgModel, sbgLogLikelihood, sbgDiscountedExpectedResidualLifetime } from './models/sbg.js';
export { fitBdw, bdwModel, bdwLogLikelihood } from './models/bdw.js';
export { fitGammaGamma, gammaGammaModel, gammaGammaLogLikelihoodRow } from './models/gammagamma.js';
export { survivorsFromPercentages, toCohorts, retentionCurves } from './models/retention-data.js';
export { ratePerUnit, discountedConditionalExpectedTransactions, predictCustomers } from './models/discounting.js';
export { MODELS, modelInfo, fitModel } from './models/registry.js';
export { expectedCumulativeTransactions } from './models/tracking.js';
// Value
export { customerValue } from './value/customer-value.js';
export { bootstrapEquity } from './value/bootstrap-equity.js';
export { discountedExpectedTransactions } from './value/discounted-transactions.js';
export { horizonInModelUnits, continuousRatePerUnit, discreteRatePerPeriod, daysInUnit, HORIZON_UNIT_DAYS } from './value/units.js';
// Segments
export { valueTiers, DEFAULT_TIER_CUTS, DEFAULT_TIER_NAMES } from './segment/pyramid.js';
export { valueDeciles } from './segment/deciles.js';
export { abcClasses } from './segment/abc.js';
export { naturalBreakTiers } from './segment/natural-breaks.js';
export { tierTable } from './segment/tier-table.js';
export { rfmScores } from './segment/rfm.js';
export { quantileScores } from './segment/rfm-scores.js';
export { rfmSegments, parseRfmRules, DEFAULT_RFM_SEGMENTS } from './segment/rfm-segments.js';
export { rfmSegmentTable } from './segment/rfm-table.js';
export { gini } from './segment/gini.js';
export { lorenzCurve } from './segment/lorenz.js';
export { topShares } from './segment/top-shares.js';
export { whaleCurve } from './segment/whale.js';
export { migrationMatrix } from './segment/migration.js';
export { actionFlags } from './segment/flags.js';
export { prioritisedList } from './segment/priorities.js';
export { analysePortfolio } from './segment/portfolio.js';
export { portfolioMigration } from './segment/portfolio-migration.js';
export { portfolioJson } from './segment/portfolio-json.js';
export { writePortfolioCsv } from './segment/portfolio-csv.js';
// Outcomes
export { retentionOutcomes } from './outcomes/retention.js';
export { retentionFromFiles } from './outcomes/retention-files.js';
export { writeRetentionCsvs } from './outcomes/export.js';
export { kaplanMeier } from './outcomes/kaplan-meier.js';
export { wilsonInterval } from './outcomes/wilson.js';
export { customerFacts } from './outcomes/customers.js';
export { recruitment } from './outcomes/recruitment.js';
export { conversion, CONVERSION_WINDOWS } from './outcomes/conversion.js';
export { cohortMatrix } from './outcomes/cohorts.js';
export { driverModels } from './outcomes/drivers.js';
export { readContracts, contractsFromTable, CONTRACT_COLUMNS } from './outcomes/contracts.js';
export { readLeads, leadsFromTable, LEAD_COLUMNS } from './outcomes/leads.js';
export { leadFunnel } from './outcomes/funnel.js';
export { contractRetention } from './outcomes/contract-retention.js';
export { contractLifetimes } from './outcomes/contract-lifetimes.js';
export { survivorCounts } from './outcomes/survivor-counts.js';
export { retentionRates, retentionTrend } from './outcomes/retention-rates.js';
export { fitCensoredSbg, fitCensoredBdw, censoredLogLikelihood } from './outcomes/censored-fit.js';
export { outcomePeriod, periodLabel, addPeriods, tenure } from './outcomes/periods.js';
// Research
export { ols } from './research/ols.js';
export { logit } from './research/logistic.js';
export { vif } from './research/vif.js';
export { hierarchicalOls } from './research/hierarchical.js';
export { designMatrix } from './research/design.js';
export { cronbachAlpha } from './research/cronbach.js';
export { oneFactor } from './research/one-factor.js';
export { compositeReliability } from './research/composite-reliability.js';
export { averageVarianceExtracted } from './research/ave.js';
export { fornellLarcker } from './research/fornell-larcker.js';
export { parseStudyConfig, parseMissingRule } from './research/survey-config.js';
export { readSurveyColumns } from './research/survey-data.js';
export { analyseSurvey } from './research/study.js';
export { ioStudyConfig } from './research/io-template.js';
export { simulateSurvey } from './research/simulate-survey.js';
export { kanoCategory, KANO_CATEGORIES } from './research/kano-table.js';
export { parseKanoAnswer, acceptedKanoAnswers } from './research/kano-answer.js';
export { fongTest } from './research/kano-fong.js';
export { kanoFeatures, kanoFeatureFromCounts } from './research/kano.js';
export { readKanoAnswers, kanoAnswersFromTable } from './research/kano-read.js';
export { netPromoterScore, npsCategory } from './research/nps.js';
export { npsFromCounts } from './research/nps-counts.js';
export { npsDifference } from './research/nps-difference.js';
export { npsByGroup } from './research/nps-groups.js';
export { npsByValueTier } from './research/nps-tiers.js';
export { readNpsScores, npsScoresFromTable } from './research/nps-read.js';
// Reports
export { csvCell, toCsv, writeCsv, CSV_EN, CSV_FR } from './report/csv.js';
// Simulation
export { createRng } from './simulate/random.js';
export { simulateTransactions, writeSimulatedCsv, ENGLISH_DIALECT, FRENCH_DIALECT, DEFAULT_SIMULATION } from './simulate/transactions.js';
export { simulateKanoAnswers, kanoAnswersCsv, simulateNpsScores, npsScoresCsv, trueNps } from './simulate/kano-nps.js';
export { simulateContracts, writeContractsCsv } from './simulate/contracts.js';
// SQL engines and mergeable sufficient statistics
export { summarizeWithDuckDb, histogramWithDuckDb } from './engines/duckdb.js';
export { summarizeWithPostgres, histogramWithPostgres } from './engines/postgres.js';
export { transactionsWithDuckDb, transactionsWithPostgres } from './engines/table.js';
export { summarySql, quoteIdent, quoteLiteral, qualifiedName, SQL_DIALECTS } from './engines/sql.js';
export { bgNbdProbabilityAliveSql, summaryHistogramSql } from './engines/scoring.js';
export { histogramFromSummary, mergeHistograms, histogramToSummaryData, histogramCustomers, histogramToJson, histogramFromJson, histogramToCsv, histogramFromCsv, readHistogram, writeHistogram, HISTOGRAM_FORMAT, HISTOGRAM_VERSION, } from './summary/histogram.js';
// The portfolio report: pure chart specs, SVG rendering, the HTML page
export { buildReport, reportSections } from './report/build.js';
export { analyseForReport, topIndices, COUNTING_MODELS } from './report/analyse.js';
export { reportInputsFromFiles } from './report/inputs.js';
export { renderSvg, compileSpec, estimateTextWidth, installTextMetrics } from './report/render.js';
export { renderHtml } from './report/html.js';
export { formatter, messages, REFERENCES } from './report/i18n.js';
export { escapeHtml, scriptJson, csvDataUrl, safeFileName } from './report/escape.js';
export { trackingSpec, holdoutSpec, frequencyRecencySpec, clvDistributionSpec, pyramidSpec, lorenzSpec, whaleSpec, rfmSpec, segmentsSpec, migrationSpec, acquisitionsSpec, cohortRetentionSpec, survivalSpec, funnelSpec, kanoSpec, npsSpec, coefficientsSpec, } from './report/charts/index.js';
//# sourceMappingURL=index.js.map