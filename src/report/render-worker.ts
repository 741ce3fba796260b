/**
 * Worker thread of render-pool.ts: renders the Vega-Lite specs it is sent to SVG with renderSvg (vega is
 * loaded here once, while the main thread reads and analyses the data).
 */
import { parentPort } from 'node:worker_threads';
import { ClvkitError } from '../errors.ts';
import { renderSvg } from './render.ts';

parentPort!.on('message', (job: { id: number; spec: never; lang: 'en' | 'fr' }) => {
  renderSvg(job.spec, job.lang).then(
    (svg) => parentPort!.postMessage({ id: job.id, svg }),
    (e: unknown) => parentPort!.postMessage({ id: job.id, error: e instanceof ClvkitError ? e.detail : String((e as Error)?.message ?? e) }),
  );
});
parentPort!.postMessage({ ready: true });
