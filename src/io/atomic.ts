import { accessSync, closeSync, constants, fsyncSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ClvkitError, UsageError } from '../errors.ts';

/**
 * Atomic outputs: every file clvkit writes goes to a temporary file in the target's own folder,
 * is flushed to disk, then renamed over the target. A run killed half-way leaves the previous file
 * untouched and nothing partial under the target's name (rename is atomic within one file system).
 */

const open = new Set<AtomicFile>();
let hooked = false;

/** Remove the temporary files of writes still open when the process is interrupted. */
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const f of open) f.abort();
  });
}

/**
 * Ctrl-C (SIGINT) or SIGTERM while a file is being written: remove its temporary file, then end as the
 * signal would (exit 130 or 143). Listened to only while a write is open, so that a long computation
 * before any output still stops at once; the listeners are removed one turn after the last write ends,
 * so that a signal that arrived during a synchronous write is still delivered (and still stops).
 */
function onSignal(signal: NodeJS.Signals): void {
  for (const f of open) f.abort();
  process.exit(signal === 'SIGINT' ? 130 : 143);
}
let listening = false;
let releasePending = false;

function listen(): void {
  releasePending = false;
  if (listening) return;
  listening = true;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function release(): void {
  if (!listening || open.size > 0 || releasePending) return;
  releasePending = true;
  setImmediate(() => {
    if (!releasePending || open.size > 0) return;
    releasePending = false;
    listening = false;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }).unref();
}

/**
 * A file written in chunks and made visible at once by `commit()`.
 *
 * @example
 * const out = new AtomicFile('summary.csv');
 * out.write('customer_id,frequency\n');
 * out.commit(); // summary.csv appears complete, or not at all
 */
export class AtomicFile {
  readonly path: string;
  readonly tempPath: string;
  private fd: number;
  private done = false;

  constructor(path: string) {
    this.path = path;
    const dir = dirname(resolve(path));
    ensureFolder(dir, path);
    this.tempPath = join(dir, `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    try {
      this.fd = openSync(this.tempPath, 'wx', 0o644);
    } catch (e) {
      throw fileError(e, path, 'write');
    }
    open.add(this);
    hookExit();
    listen();
  }

  /** Append a chunk (a string is written as UTF-8). */
  write(chunk: string | Uint8Array): void {
    try {
      if (typeof chunk === 'string') writeSync(this.fd, chunk, null, 'utf8');
      else {
        let off = 0;
        while (off < chunk.length) off += writeSync(this.fd, chunk, off, chunk.length - off);
      }
    } catch (e) {
      this.abort();
      throw fileError(e, this.path, 'write');
    }
  }

  /** Flush to disk and rename over the target. */
  commit(): void {
    if (this.done) return;
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.done = true;
      open.delete(this);
      renameSync(this.tempPath, this.path);
      release();
    } catch (e) {
      this.abort();
      throw fileError(e, this.path, 'write');
    }
  }

  /** Drop the temporary file; the target is left as it was. */
  abort(): void {
    if (!this.done) {
      this.done = true;
      try {
        closeSync(this.fd);
      } catch {
        /* already closed */
      }
    }
    open.delete(this);
    try {
      unlinkSync(this.tempPath);
    } catch {
      /* already gone or renamed */
    }
    release();
  }
}

/**
 * Write a whole file atomically.
 *
 * @example
 * writeFileAtomic('report.html', html);
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const f = new AtomicFile(path);
  f.write(data);
  f.commit();
}

/** Create a missing output folder, or say in one line why it cannot be. */
export function ensureFolder(dir: string, forPath: string = dir): void {
  let st;
  try {
    st = statSync(dir);
  } catch {
    try {
      mkdirSync(dir, { recursive: true });
      return;
    } catch (e) {
      throw fileError(e, forPath, 'write');
    }
  }
  if (!st.isDirectory()) throw new ClvkitError(`cannot write here: ${dir} is a file, not a folder; give another output path`, { file: forPath });
}

/** Device and inode of an existing path, or undefined. */
function identity(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Refuse (exit 2) any output that is one of the inputs: the same file, compared by device and
 * inode, so `./x.csv`, `x.csv` and a hard link or symlink to it all count.
 *
 * @example
 * assertNotInput(['orders.csv'], ['orders.csv']); // throws UsageError
 */
export function assertNotInput(inputs: (string | undefined)[], outputs: (string | undefined)[]): void {
  const ids = new Map<string, string>();
  for (const i of inputs) {
    if (!i) continue;
    const id = identity(i);
    if (id) ids.set(id, i);
  }
  for (const o of outputs) {
    if (!o) continue;
    const id = identity(o);
    const input = id ? ids.get(id) : undefined;
    if (input !== undefined) {
      throw new UsageError(`${o}: this output is the input ${input}; writing it would destroy the input. Choose another output path`);
    }
  }
}

/**
 * The files an output folder would receive must not be inputs either.
 *
 * @example
 * assertFolderSpares(['data/tx.csv'], 'data', ['summary.csv', 'tx.csv']); // throws: data/tx.csv is an input
 */
export function assertFolderSpares(inputs: (string | undefined)[], dir: string, names: string[]): void {
  assertNotInput(inputs, names.map((n) => join(dir, n)));
}

/** One line naming the path and what to do, from a Node file-system error. */
export function fileError(e: unknown, path: string, action: 'read' | 'write'): ClvkitError {
  if (e instanceof ClvkitError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  const what: Record<string, string> = {
    ENOENT: action === 'read' ? 'no such file; check the path' : 'its folder does not exist and could not be created',
    EISDIR: action === 'read' ? 'is a folder, not a file; name a file inside it' : 'is a folder; give a file name',
    ENOTDIR: 'a part of this path is a file, not a folder',
    EACCES: action === 'read' ? 'not readable: permission denied' : 'not writable: permission denied; choose another folder',
    EPERM: `operation not permitted; choose another ${action === 'read' ? 'file' : 'folder'}`,
    ENOSPC: 'disk full; free some space or write elsewhere',
    EDQUOT: 'disk quota exceeded; free some space or write elsewhere',
    EROFS: 'read-only file system; write elsewhere',
    EMFILE: 'too many open files; close other programs and try again',
    EFBIG: 'file too large for this file system',
    EXDEV: 'the temporary file and the target are on different file systems',
  };
  const msg = (code && what[code]) || `cannot ${action}: ${(e as Error)?.message ?? String(e)}`;
  return new ClvkitError(msg, { file: path });
}

/**
 * Check an output file before any work is done: not one of the inputs (exit 2), not a folder, and its
 * folder exists and is writable or can be created. Nothing is created here.
 *
 * @example
 * checkOutputFile('summary.csv', ['orders.csv']); // throws when summary.csv is orders.csv
 */
export function checkOutputFile(path: string, inputs: (string | undefined)[]): void {
  assertNotInput(inputs, [path]);
  let st;
  try {
    st = statSync(path);
  } catch {
    /* a new file */
  }
  if (st?.isDirectory()) throw new ClvkitError('is a folder; give a file name for the output', { file: path });
  checkFolderWritable(dirname(resolve(path)), path);
}

/**
 * Check an output folder before any work is done: none of the files it would receive is an input
 * (exit 2), it is a folder (or can be created) and is writable.
 *
 * @example
 * checkOutputFolder('out', ['out/tx.csv'], ['summary.csv']); // fine: tx.csv is not overwritten
 */
export function checkOutputFolder(dir: string, inputs: (string | undefined)[], names: string[]): void {
  assertFolderSpares(inputs, dir, names);
  checkFolderWritable(resolve(dir), dir);
}

/** The folder, or its first existing ancestor, must be a writable folder. */
function checkFolderWritable(dir: string, forPath: string): void {
  let d = dir;
  for (;;) {
    let st;
    try {
      st = statSync(d);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') throw new ClvkitError(`cannot write here: a part of the path ${d} is a file, not a folder; give another output path`, { file: forPath });
      const up = dirname(d);
      if (up === d) throw fileError(e, forPath, 'write');
      d = up;
      continue;
    }
    if (!st.isDirectory()) throw new ClvkitError(`cannot write here: ${d} is a file, not a folder; give another output path`, { file: forPath });
    try {
      accessSync(d, constants.W_OK);
    } catch (e) {
      throw new ClvkitError(`cannot write in ${d}: permission denied; choose another folder`, { file: forPath });
    }
    return;
  }
}

/**
 * An input must be an existing, readable file (not a folder): else one line naming it.
 *
 * @example
 * checkInputFile('orders.csv'); // throws "orders.csv: no such file; check the path" when missing
 */
export function checkInputFile(path: string): void {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw fileError(e, path, 'read');
  }
  if (st.isDirectory()) throw fileError(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }), path, 'read');
}

/**
 * The companion file of a per-customer CSV output: the same path with `.accounting.json` in place of
 * the extension. It carries what the CSV cannot: the row accounting, the model and the warnings.
 *
 * @example
 * companionPath('out/predictions.csv') // 'out/predictions.accounting.json'
 */
export function companionPath(out: string): string {
  const dot = out.lastIndexOf('.');
  const slash = Math.max(out.lastIndexOf('/'), out.lastIndexOf('\\'));
  return (dot > slash + 1 ? out.slice(0, dot) : out) + '.accounting.json';
}
