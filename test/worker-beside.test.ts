import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// Oracle: hand cases. The worker (test/worker-beside/answer-worker.js) runs on the compiled package, as the
// report runs its workers; take() blocks until the answer, whatever the worker does.
const dist = (p: string) => pathToFileURL(join(import.meta.dirname, '..', 'dist', p)).href;
const worker = new URL('./worker-beside/answer-worker.js', import.meta.url);

describe('work beside: a worker whose answer a synchronous caller waits for', async () => {
  const { startBeside } = await import(dist('worker-beside.js'));
  const { ClvkitError } = await import(dist('errors.js'));

  it('returns the answer, computed while this thread went on', () => {
    const b = startBeside(worker, { do: 'sum', xs: [1, 2, 3.5] });
    let here = 0;
    for (let i = 0; i < 1e6; i++) here += i; // this thread's own work meanwhile
    expect(here).toBe(499999500000);
    expect(b.take()).toBe(6.5);
    expect(b.take()).toBe(6.5); // taken twice: the same answer
  });

  it("a ClvkitError stays one (its one-line message); another error names the worker and keeps the stack", () => {
    const c = startBeside(worker, { do: 'clvkit' });
    expect(() => c.take()).toThrow(ClvkitError);
    expect(() => c.take()).toThrow('no repeat buyers');
    const bug = startBeside(worker, { do: 'bug' });
    expect(() => bug.take()).toThrow(/answer-worker\.js: TypeError: x is not a function/);
  });

  it('a worker that exits or cannot send its answer does not leave the caller waiting', () => {
    expect(() => startBeside(worker, { do: 'exit' }).take()).toThrow(/stopped without an answer/);
    expect(() => startBeside(worker, { do: 'function' }).take()).toThrow(/could not be sent/);
  });

  it('undefined where no worker can run: a module that is not compiled JavaScript', () => {
    expect(startBeside(new URL('./worker-beside.test.ts', import.meta.url), {})).toBeUndefined();
    expect(startBeside(new URL('./worker-beside/missing.js', import.meta.url), {})).toBeUndefined();
  });
});

// Oracle: a hand case. A worker inherited `--input-type=module` from a process run with `node --input-type=module -e`
// and refused to load its module file, so it never answered: take() waited (up to 30 minutes). Workers now start
// without that option (workerExecArgv).
describe('work beside from `node --input-type=module --eval`', () => {
  it('the worker answers (the option is not passed on)', async () => {
    const { spawnSync } = await import('node:child_process');
    const code = `const { startBeside, workerExecArgv } = await import(${JSON.stringify(dist('worker-beside.js'))});
      if (workerExecArgv().some((a) => a.startsWith('--input-type'))) throw new Error('passed on');
      console.log(startBeside(new URL(${JSON.stringify(worker.href)}), { do: 'sum', xs: [2, 5] }).take());`;
    const r = spawnSync(process.execPath, ['--input-type=module', '--eval', code], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('7');
    expect(r.status).toBe(0);
  });
});
