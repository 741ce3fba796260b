/**
 * The `clvkit/dataframe` entry point: DataFrame interop with danfojs-node, an optional package that
 * is loaded only when these functions are called (a missing package is one line saying how to install it).
 *
 * @example
 * import { toDataFrame } from 'clvkit/dataframe';
 * const df = await toDataFrame(summary);
 */
export { toDataFrame, summaryFromDataFrame } from './ingest/dataframe.ts';
