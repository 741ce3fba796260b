/**
 * Chart rendering in worker threads: each worker loads vega as soon as it starts (while the main
 * thread reads and analyses the data) and renders the specs it is given, so that the charts of a
 * report render in parallel and the main thread never loads vega. Only from the compiled package
 * (dist/): from the TypeScript sources the report renders in-process.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { ClvkitError } from '../errors.ts';
import type { Lang } from './locales.ts';
import { workerExecArgv } from '../worker-beside.ts';

/** Something that renders a Vega-Lite spec to SVG (the same result as renderSvg). */
export interface SvgRenderer {
  render(spec: TopLevelSpec, lang: Lang): Promise<string>;
  /** How many charts it renders at once (its workers). */
  readonly workers: number;
  /** Ends the workers. */
  close(): Promise<void>;
}

/**
 * `count` rendering workers, started now; undefined where workers cannot run this module's compiled
 * worker (from the TypeScript sources), and then the report renders in-process.
 *
 * @example
 * const renderer = startRenderWorkers(2);
 * const html = await buildReport(inputs, { renderer }); await renderer?.close();
 */
export function startRenderWorkers(count: number): SvgRenderer | undefined {
  const url = new URL('./render-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.js') || count < 1 || !existsSync(fileURLToPath(url))) return undefined;
  const waiting = new Map<number, { resolve: (svg: string) => void; reject: (e: Error) => void }>();
  const load: number[] = [];
  const workers = Array.from({ length: count }, (_, k) => {
    const w = new Worker(url, { execArgv: workerExecArgv() });
    // an idle worker does not keep the process alive (a failed command ends without close())
    w.unref();
    load.push(0);
    w.on('message', (msg: { id?: number; svg?: string; error?: string }) => {
      if (msg.id === undefined) return;
      if (--load[k] === 0) w.unref();
      const job = waiting.get(msg.id);
      waiting.delete(msg.id);
      if (!job) return;
      if (msg.error !== undefined) job.reject(new ClvkitError(msg.error));
      else job.resolve(msg.svg!);
    });
    w.on('error', (e) => {
      for (const job of waiting.values()) job.reject(new ClvkitError(`could not render a chart: ${e.message}`));
      waiting.clear();
    });
    return w;
  });
  let next = 0;
  return {
    workers: count,
    render(spec, lang) {
      // to the least loaded worker
      let k = 0;
      for (let j = 1; j < workers.length; j++) if (load[j] < load[k]) k = j;
      if (load[k]++ === 0) workers[k].ref();
      const id = next++;
      return new Promise<string>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        workers[k].postMessage({ id, spec, lang });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
