/** The chart library: pure Vega-Lite spec builders over aggregated data. */
export * from './common.js';
export * from './tracking.js';
export * from './holdout.js';
export * from './heatmap.js';
export * from './clv-distribution.js';
export * from './pyramid.js';
export * from './lorenz.js';
export * from './whale.js';
export * from './rfm.js';
export * from './segments.js';
export * from './migration.js';
export * from './acquisitions.js';
export * from './cohorts.js';
export * from './survival.js';
export * from './funnel.js';
export * from './kano.js';
export * from './nps.js';
export * from './coefficients.js';
//# sourceMappingURL=index.js.map