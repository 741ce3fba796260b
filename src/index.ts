/**
 * The public TypeScript API of clvkit (the `clvkit` entry point): ingest, summary, models, value,
 * segments, outcomes, research and simulation. Everything the CLI does is callable from here or
 * from the other entry points: `clvkit/report` (charts, SVG, the HTML page), `clvkit/engines`
 * (DuckDB, PostgreSQL) and `clvkit/dataframe` (danfojs). This module's import graph holds no vega,
 * danfo, DuckDB or PostgreSQL module and no top-level await, so `require('clvkit')` works too.
 *
 * @example
 * import { readTransactions, summarize, fitBgNbd } from 'clvkit';
 * const summary = summarize(await readTransactions('orders.csv'), { freq: 'week' });
 * const model = fitBgNbd(summary);
 * model.probabilityAlive({ frequency: 2, recency: 30.4, T: 38.9 });
 */

// Core types and errors
export { plural, count, type PluralLang } from './plural.ts';
export type { TransactionTable, CustomerSummary, SummaryRow, SummaryData, RowAccounting, PeriodUnit, Day } from './types.ts';
export { ClvkitError, UsageError, type ErrorLocation } from './errors.ts';

// Ingest
export { readTransactions, parseTransactions, customerCount, type IngestOptions } from './ingest/transactions.ts';
export { parseDate, parseDateOption, formatDay, daysFromCivil, civilFromDays, type DateFormat } from './ingest/dates.ts';
export { parseNumber } from './ingest/number.ts';
export { readTable, parseTable, columnIndex, optionalColumnIndex, numberCell, normalizeHeader, type Table, type TableOptions } from './ingest/table.ts';
export { readSummaryFile, summaryFromTable, detectModelInputKind, type ModelInputFile, type ModelInputKind, type SummaryFileOptions } from './ingest/summary-file.ts';
export { readReferrals, referralsFromTable, REFERRAL_COLUMNS, type ReferralLog, type ReferralReadOptions } from './ingest/referrals.ts';
export { readCustomerValues, customerValuesFromTable, type CustomerValues } from './ingest/customer-values.ts';

// Summary
export { summarize, unitDays, type SummaryOptions, type SummaryResult } from './summary/summarize.ts';
export { compressSummary, type CompressedSummary } from './summary/compress.ts';
export { summaryColumns, summaryRows, summaryJson, formatAccounting } from './summary/export.ts';
export { describeSummary, type SummaryDescription, type ColumnDistribution } from './summary/describe.ts';

// Models
export type { FitOptions, FitResultBase } from './models/types.ts';
export { maximizeLikelihood, type LikelihoodProblem, type MaximizeResult } from './models/fit.ts';
export { fitBgNbd, bgNbdModel, bgNbdLogLikelihood, type BgNbdModel, type BgNbdParams, type TransactionModel } from './models/bgnbd.ts';
export { fitMbgNbd, mbgNbdModel, mbgNbdLogLikelihood, type MbgNbdModel, type MbgNbdParams } from './models/mbgnbd.ts';
export { fitParetoNbd, paretoNbdModel, paretoNbdLogLikelihood, type ParetoNbdModel, type ParetoNbdParams } from './models/paretonbd.ts';
export { fitBgBb, bgBbModel, bgBbLogLikelihoodRow, compressBgBb, type BgBbModel, type BgBbParams, type BgBbData, type BgBbRow } from './models/bgbb.ts';
export { fitSbg, sbgModel, sbgLogLikelihood, sbgDiscountedExpectedResidualLifetime, type SbgModel, type SbgParams } from './models/sbg.ts';
export { fitBdw, bdwModel, bdwLogLikelihood, type BdwModel, type BdwParams } from './models/bdw.ts';
export { fitNbd, nbdModel, nbdLogLikelihood, type NbdModel, type NbdParams } from './models/nbd.ts';
export { fitGGomNbd, ggomNbdModel, ggomNbdLogLikelihood, type GGomNbdModel, type GGomNbdParams } from './models/ggomnbd.ts';
export { fitCnbd, fitBgCnbd, fitMbgCnbd, cnbdModel, cnbdLogLikelihood, type CnbdModel, type CnbdParams, type CnbdData, type CnbdFamily, type CnbdFitOptions } from './models/cnbdk.ts';
export { fitCorrelatedParetoNbd, correlatedParetoNbdModel, correlatedParetoNbdLogLikelihood, omegaBounds, rateCorrelation, type CorrelatedParetoNbdModel, type CorrelatedParetoNbdParams } from './models/paretonbd-correlated.ts';
export { compareModels, formatComparison, comparisonJson, COMPARABLE_MODELS, type Comparison, type ComparisonRow, type CompareOptions, type HoldoutMetrics, type NestedTest } from './models/compare.ts';
export { regularity, regularityReading, type RegularityOptions, type RegularityResult } from './models/regularity.ts';
export { fitGammaGamma, gammaGammaModel, gammaGammaLogLikelihoodRow, type GammaGammaModel, type GammaGammaParams, type GammaGammaData } from './models/gammagamma.ts';
export { survivorsFromPercentages, toCohorts, retentionCurves, type RetentionCohort, type RetentionInput, type RetentionCurves } from './models/retention-data.ts';
export { ratePerUnit, discountedConditionalExpectedTransactions, predictCustomers, type CustomerPrediction } from './models/discounting.ts';
export { MODELS, modelInfo, fitModel, type ModelName, type ModelInfo, type ModelExtraOptions } from './models/registry.ts';
export { expectedCumulativeTransactions, type TrackingCurve } from './models/tracking.ts';
export { saveModel, loadModel, fittedFromBase, MODEL_FORMAT, MODEL_FORMAT_VERSION, type SavedModel, type SavedFit, type SavedData, type LoadedModel } from './models/saved-model.ts';
export { periodTransactions, chiSquareTest, aliveHistory, heterogeneity, type PeriodTransactions, type PeriodTransactionsBin, type AlivePoint, type HeterogeneityPoint } from './models/diagnostics.ts';

// Covariates in the purchase and attrition models (Fader & Hardie 2007; Bachmann, Meierer & Näf 2021)
export { readCovariates, covariatesFromTable, type CovariateFile, type CovariateFileOptions } from './ingest/covariates.ts';
export { covariateMatrix, alignCovariates, selectCovariates, type CovariateColumns, type CovariateMatrix } from './models/covariates/design.ts';
export { fitParetoNbdCovariates, type ParetoNbdCovariateModel } from './models/covariates/paretonbd-static.ts';
export { fitBgNbdCovariates, type BgNbdCovariateModel } from './models/covariates/bgnbd-static.ts';
export { likelihoodRatioTest, type LikelihoodRatioTest } from './models/covariates/lr-test.ts';
export type { CovariateSpec, Coefficient, StaticCovariateFit } from './models/covariates/static-fit.ts';
export type { CovariatePredictions } from './models/covariates/predict.ts';
export { covariatePanel, dynamicCovariateData, type CovariatePanel, type DynamicCovariateData, type DynamicCustomers } from './models/covariates/panel.ts';
export { fitParetoNbdDynamic, type ParetoNbdDynamicModel } from './models/covariates/paretonbd-dynamic.ts';
export { repeatPurchaseDays } from './summary/purchase-days.ts';
export { fitWithCovariates, predictWithCovariates, covariateFitJson, heldCovariatesWarning, type CovariateFit, type CovariateFitInput } from './models/covariates/fit-covariates.ts';
export { readTouchpoints, type TouchpointTable, type TouchpointOptions } from './ingest/touchpoints.ts';
export { contactCounts, contactsPerPeriod, followedByPurchase, parseTransform, transformCount, transformNames, type ContactCounts, type ContactTransform } from './summary/contacts.ts';
export { interactionAnalysis, type InteractionAnalysis, type InteractionOptions, type ChannelEffect } from './outcomes/interactions.ts';
export { simulateTouchpoints, writeTouchpointCsvs, DEFAULT_CHANNELS, type SimulatedTouchpoints, type SimulatedChannel, type TouchpointSimulation } from './simulate/touchpoints.ts';
export { simulateParetoNbdStatic, simulateParetoNbdDynamic, type StaticSimulation, type DynamicSimulation, type SimulatedSummary } from './simulate/covariates.ts';

// Value
export { customerValue, type CustomerValue, type CustomerValueOptions } from './value/customer-value.ts';
export { bootstrapEquity, type EquityEstimate, type EquityBootstrapOptions } from './value/bootstrap-equity.ts';
export { predictionIntervals, rowPredictions, type PredictionIntervals, type PredictionIntervalOptions, type IntervalDraw, type Bounds } from './value/prediction-intervals.ts';
export { normalParameterDraws, bootstrapParameterDraws, resampleWeights, cholesky } from './value/parameter-draws.ts';
export { purchaseDistribution, activePmfByKey } from './value/purchase-distribution.ts';
export { centralInterval } from './value/select-quantile.ts';
export { discountedExpectedTransactions, type DertMethod } from './value/discounted-transactions.ts';
export { horizonInModelUnits, continuousRatePerUnit, discreteRatePerPeriod, daysInUnit, HORIZON_UNIT_DAYS, type HorizonUnit } from './value/units.ts';
export { customerReferralValue, activeTimeFromClv, type ReferralValue, type ReferralValueInputs, type ReferralValueOptions, type ReferralProjection } from './value/referrals/crv.ts';
export { fitReferralNbd, expectedReferralRate, nbdLogProbability, type ReferralNbd, type ReferralCounts } from './value/referrals/referral-nbd.ts';
export { matchReferrals, type MatchedReferrals } from './value/referrals/match.ts';
export { clvCrvMatrix, CELLS, CELL_ACTIONS, type ValueMatrix, type ValueCell, type MatrixCell } from './value/referrals/matrix.ts';
export { engagementValue, type EngagementValue } from './value/referrals/engagement.ts';
export { analyseReferrals, type ReferralAnalysis, type ReferralAnalysisOptions } from './value/referrals/analyse.ts';

// Segments
export { valueTiers, DEFAULT_TIER_CUTS, DEFAULT_TIER_NAMES, type ValueTiers, type ValueTierOptions } from './segment/pyramid.ts';
export { valueDeciles } from './segment/deciles.ts';
export { abcClasses, type AbcOptions } from './segment/abc.ts';
export { naturalBreakTiers } from './segment/natural-breaks.ts';
export { tierTable, type TierRow } from './segment/tier-table.ts';
export { rfmScores, type RfmScores } from './segment/rfm.ts';
export { quantileScores } from './segment/rfm-scores.ts';
export { rfmSegments, parseRfmRules, DEFAULT_RFM_SEGMENTS, type RfmSegmentRule } from './segment/rfm-segments.ts';
export { rfmSegmentTable } from './segment/rfm-table.ts';
export { gini } from './segment/gini.ts';
export { lorenzCurve, type LorenzCurve } from './segment/lorenz.ts';
export { topShares } from './segment/top-shares.ts';
export { whaleCurve, type WhaleCurve } from './segment/whale.ts';
export { migrationMatrix, type MigrationMatrix } from './segment/migration.ts';
export { actionFlags } from './segment/flags.ts';
export { flagTable, FLAG_NAMES, type FlagRow } from './segment/flag-table.ts';
export { prioritisedList, type PriorityRow } from './segment/priorities.ts';
export { analysePortfolio, type PortfolioOptions, type PortfolioAnalysis } from './segment/portfolio.ts';
export { portfolioMigration } from './segment/portfolio-migration.ts';
export { portfolioJson } from './segment/portfolio-json.ts';
export { writePortfolioCsv } from './segment/portfolio-csv.ts';
export { referralJson, writeReferralJson, writeReferralCsv, writeReferralCustomers, referralOutputColumns } from './segment/referral-output.ts';

// Outcomes
export { retentionOutcomes, type RetentionOptions, type RetentionReport } from './outcomes/retention.ts';
export { retentionFromFiles, type RetentionFilesOptions } from './outcomes/retention-files.ts';
export { writeRetentionCsvs } from './outcomes/export.ts';
export { kaplanMeier, type KaplanMeier, type KmStep } from './outcomes/kaplan-meier.ts';
export { wilsonInterval, type Proportion } from './outcomes/wilson.ts';
export { customerFacts, type CustomerFacts } from './outcomes/customers.ts';
export { recruitment, type RecruitmentRow } from './outcomes/recruitment.ts';
export { conversion, CONVERSION_WINDOWS, type Conversion, type ConversionGroup } from './outcomes/conversion.ts';
export { cohortMatrix, type CohortRow } from './outcomes/cohorts.ts';
export { driverModels, type DriverModel } from './outcomes/drivers.ts';
export { readContracts, contractsFromTable, CONTRACT_COLUMNS, type Contract, type ContractsInput } from './outcomes/contracts.ts';
export { readLeads, leadsFromTable, LEAD_COLUMNS, type Lead, type LeadsInput } from './outcomes/leads.ts';
export { leadFunnel, type LeadFunnel, type FunnelRow } from './outcomes/funnel.ts';
export { contractRetention, type ContractRetention, type ContractRetentionOptions } from './outcomes/contract-retention.ts';
export { contractLifetimes } from './outcomes/contract-lifetimes.ts';
export { survivorCounts } from './outcomes/survivor-counts.ts';
export { retentionRates, retentionTrend } from './outcomes/retention-rates.ts';
export { fitCensoredSbg, fitCensoredBdw, censoredLogLikelihood } from './outcomes/censored-fit.ts';
export { outcomePeriod, periodLabel, addPeriods, tenure, type OutcomePeriod } from './outcomes/periods.ts';

// Research
export { ols, type OlsResult, type OlsCoefficient, type OlsOptions } from './research/ols.ts';
export { logit, type LogitResult, type LogitCoefficient, type LogitOptions } from './research/logistic.ts';
export { vif } from './research/vif.ts';
export { hierarchicalOls, type HierarchicalStep } from './research/hierarchical.ts';
export { designMatrix, type Design } from './research/design.ts';
export { cronbachAlpha, type CronbachResult } from './research/cronbach.ts';
export { oneFactor, type OneFactorResult } from './research/one-factor.ts';
export { compositeReliability } from './research/composite-reliability.ts';
export { averageVarianceExtracted } from './research/ave.ts';
export { fornellLarcker, type FornellLarckerTable } from './research/fornell-larcker.ts';
export { parseStudyConfig, parseMissingRule, type StudyConfig, type ConstructSpec, type ModelSpec, type MissingRule } from './research/survey-config.ts';
export { readSurveyColumns, type SurveyData } from './research/survey-data.ts';
export { analyseSurvey, type SurveyAnalysis, type SurveyOptions, type ModelReport } from './research/study.ts';
export { ioStudyConfig } from './research/io-template.ts';
export { simulateSurvey, type SurveySimulation, type SurveyTruth } from './research/simulate-survey.ts';
export { kanoCategory, KANO_CATEGORIES, type KanoCategory, type KanoAnswer } from './research/kano-table.ts';
export { parseKanoAnswer, acceptedKanoAnswers } from './research/kano-answer.ts';
export { fongTest, type FongTest } from './research/kano-fong.ts';
export { kanoFeatures, kanoFeatureFromCounts, type KanoFeature, type KanoResult, type KanoCounts } from './research/kano.ts';
export { readKanoAnswers, kanoAnswersFromTable } from './research/kano-read.ts';
export { netPromoterScore, npsCategory, type NpsCategory } from './research/nps.ts';
export { npsFromCounts, type NpsResult, type NpsOptions } from './research/nps-counts.ts';
export { npsDifference, type NpsDifference } from './research/nps-difference.ts';
export { npsByGroup, type NpsGroup } from './research/nps-groups.ts';
export { npsByValueTier } from './research/nps-tiers.ts';
export { readNpsScores, npsScoresFromTable } from './research/nps-read.ts';
export { statedVersusActual, type StatedVersusActual } from './research/nps-referrals.ts';

// Shared I/O: CSV cells and files (formula guard, full precision), atomic outputs
export { csvCell, toCsv, writeCsv, CSV_EN, CSV_FR, type CsvFormat, type CsvValue } from './io/csv.ts';
export { AtomicFile, writeFileAtomic, assertNotInput } from './io/atomic.ts';

// Simulation
export { createRng, type Rng } from './random.ts';
export { simulateTransactions, writeSimulatedCsv, ENGLISH_DIALECT, FRENCH_DIALECT, DEFAULT_SIMULATION, type SimulatedLog, type SimulationOptions, type SimulationParams } from './simulate/transactions.ts';
export { simulateKanoAnswers, kanoAnswersCsv, simulateNpsScores, npsScoresCsv, trueNps } from './simulate/kano-nps.ts';
export { simulateContracts, writeContractsCsv, type SimulatedContracts, type ContractSimulationOptions } from './simulate/contracts.ts';
export { simulateReferrals, writeSimulatedReferrals, type SimulatedReferrals } from './simulate/referrals.ts';

// Mergeable sufficient statistics (the histogram format shared with the SQL engines)
export {
  histogramFromSummary,
  mergeHistograms,
  histogramToSummaryData,
  histogramCustomers,
  histogramToJson,
  histogramFromJson,
  histogramToCsv,
  histogramFromCsv,
  readHistogram,
  writeHistogram,
  HISTOGRAM_FORMAT,
  HISTOGRAM_VERSION,
  type Histogram,
} from './summary/histogram.ts';

