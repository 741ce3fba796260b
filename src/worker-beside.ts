/**
 * Work on a second core for synchronous code: a worker thread computes while the calling thread goes on,
 * and `take()` blocks until its answer (Atomics.wait on a shared flag, then receiveMessageOnPort), so a
 * synchronous analysis can hand a long independent step to another core without becoming asynchronous.
 * Only from the compiled package (dist/): from the TypeScript sources, or where a worker cannot start,
 * `startBeside` returns undefined and the caller computes in its own thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { ClvkitError } from './errors.ts';

/**
 * The Node options a worker thread starts with: this process's, less `--input-type` (which applies to code given
 * with --eval or on stdin only: a worker inheriting it refuses to load its module file, and one that cannot load
 * never answers). Every worker of the package is started with these.
 *
 * @example
 * new Worker(url, { execArgv: workerExecArgv() });
 */
export function workerExecArgv(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--input-type') i++; // and its value
    else if (!argv[i].startsWith('--input-type=')) out.push(argv[i]);
  }
  return out;
}

/** A computation running in a worker thread. */
export interface Beside<T> {
  /** Its result, waiting for it when needed; throws what the worker threw (a ClvkitError stays one). */
  take(): T;
}

/** What the worker answers. */
type Answer = { ok: unknown } | { clvkitError: string } | { error: string };

/** How long take() waits for a worker that neither answers nor says it failed: then the step is said to fail. */
const LONGEST_WAIT_MS = 30 * 60_000;

/**
 * Start `worker` (a module URL next to the caller, e.g. new URL('./x-worker.js', import.meta.url)) on `data`
 * (copied); undefined when it cannot run (not compiled, or the data cannot be copied).
 *
 * @example
 * const beside = startBeside<number>(new URL('./sum-worker.js', import.meta.url), { xs });
 * const other = somethingElse(); // meanwhile, in this thread
 * const sum = beside ? beside.take() : sum(xs);
 */
export function startBeside<T>(worker: URL, data: unknown): Beside<T> | undefined {
  if (!worker.href.endsWith('.js') || !existsSync(fileURLToPath(worker))) return undefined;
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let thread: Worker;
  try {
    thread = new Worker(worker, { workerData: { data, port: port2, flag }, transferList: [port2], execArgv: workerExecArgv() });
  } catch {
    port1.close();
    return undefined;
  }
  // a worker that fails before answering ('error' is seen only once this thread is free again)
  thread.on('error', () => undefined);
  let answer: Answer | undefined;
  return {
    take(): T {
      if (!answer) {
        if (Atomics.wait(flag, 0, 0, LONGEST_WAIT_MS) === 'timed-out') {
          void thread.terminate();
          throw new Error(`worker ${worker.pathname}: no answer after ${LONGEST_WAIT_MS / 60_000} minutes`);
        }
        answer = receiveMessageOnPort(port1)?.message as Answer | undefined;
        port1.close();
        if (!answer) throw new Error(`worker ${worker.pathname} stopped without an answer`);
      }
      if ('ok' in answer) return answer.ok as T;
      if ('clvkitError' in answer) throw new ClvkitError(answer.clvkitError);
      throw new Error(`worker ${worker.pathname}: ${answer.error}`);
    },
  };
}

/**
 * In a worker started by startBeside: compute the answer from the data and send it back (a ClvkitError as
 * its message, any other error with its stack), then raise the flag the caller waits on, also when the
 * worker ends without answering. `transfer` names the answer's buffers to hand over instead of copying.
 *
 * @example
 * // sum-worker.ts
 * answerBeside(async (d: { xs: number[] }) => d.xs.reduce((a, b) => a + b, 0));
 */
export function answerBeside<D>(compute: (data: D) => unknown, transfer?: (answer: unknown) => ArrayBuffer[] | Promise<ArrayBuffer[]>): void {
  const { data, port, flag } = workerData as { data: D; port: MessagePort; flag: Int32Array };
  const raise = () => {
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  };
  process.on('exit', raise);
  const send = (a: Answer, buffers: ArrayBuffer[] = []) => {
    try {
      port.postMessage(a, buffers);
    } catch (e) {
      port.postMessage({ error: `the answer could not be sent: ${String(e)}` });
    }
    raise();
  };
  Promise.resolve()
    .then(() => compute(data))
    .then(async (ok) => ({ ok, buffers: transfer ? await transfer(ok) : [] }))
    .then(
      ({ ok, buffers }) => send({ ok }, buffers),
      (e) => send(e instanceof ClvkitError ? { clvkitError: e.detail } : { error: String((e as Error)?.stack ?? e) }),
    );
}

/**
 * The worker's answer; undefined when there is no worker, or when it failed other than with a ClvkitError
 * (then the caller computes in its own thread). A ClvkitError is the computation's own answer: thrown.
 *
 * @example
 * const spend = takeOrUndefined(beside) ?? fitGammaGamma(data);
 */
export function takeOrUndefined<T>(beside: Beside<T> | undefined): T | undefined {
  if (!beside) return undefined;
  try {
    return beside.take();
  } catch (e) {
    if (e instanceof ClvkitError) throw e;
    return undefined;
  }
}
