/** The chart library: pure Vega-Lite spec builders over aggregated data. */
export * from './common.ts';
export * from './tracking.ts';
export * from './holdout.ts';
export * from './heatmap.ts';
export * from './clv-distribution.ts';
export * from './pyramid.ts';
export * from './lorenz.ts';
export * from './whale.ts';
export * from './rfm.ts';
export * from './segments.ts';
export * from './migration.ts';
export * from './acquisitions.ts';
export * from './cohorts.ts';
export * from './survival.ts';
export * from './funnel.ts';
export * from './kano.ts';
export * from './nps.ts';
export * from './coefficients.ts';
//# sourceMappingURL=index.d.ts.map