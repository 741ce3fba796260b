import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { ClvkitError } from '../errors.ts';

/**
 * Memory the node engine may use while reading, checked before it is needed so that a file too
 * large for this machine is one line suggesting `--engine duckdb` (which reads from disk) instead
 * of V8's "JavaScript heap out of memory" crash (exit 134).
 */
export interface MemoryBudget {
  /** Bytes of typed-array columns the table may take (rows × bytes a row). */
  columns: number;
  /** Bytes of JavaScript heap the customer ids may take. */
  heap: number;
}

/** Bytes a row of the table: customer (4), day (4), amount (8), channel (4) and the id scratch (12) while reading. */
export const BYTES_PER_ROW = 32;
/** Heap bytes a customer id costs once made a string (header, characters, array slot, dictionary entry). */
export const HEAP_PER_CUSTOMER = 96;

/**
 * This process's budget: 3/4 of the machine's memory for the columns, 3/4 of V8's heap limit
 * (`--max-old-space-size`) for the ids.
 *
 * @example
 * memoryBudget().heap; // about 3.1e9 with a 4 GiB heap limit
 */
export function memoryBudget(): MemoryBudget {
  return { columns: 0.75 * totalmem(), heap: 0.75 * getHeapStatistics().heap_size_limit };
}

const gb = (b: number) => `${(b / 2 ** 30).toFixed(b < 2 ** 30 ? 2 : 1)} GiB`;

/**
 * Refuse, before allocating, a file whose estimated rows (file bytes / mean bytes a row of the
 * first records) need more than the budget.
 *
 * @example
 * checkRowsFit('big.csv', 40e9, 25, memoryBudget()); // throws: about 1.6 billion rows need 48 GiB
 */
export function checkRowsFit(file: string, fileBytes: number, rowBytes: number, budget: MemoryBudget): void {
  const rows = fileBytes / Math.max(rowBytes, 4);
  const need = rows * BYTES_PER_ROW;
  if (need > budget.columns) {
    throw new ClvkitError(
      `about ${Math.round(rows).toLocaleString('en')} rows (${gb(fileBytes)}): reading them in memory needs about ${gb(need)}, more than this machine can give (${gb(budget.columns)}); ` +
        'use --engine duckdb, which reads the file from disk',
      { file },
    );
  }
}

/**
 * Refuse to go on when the customers seen so far will not fit the heap as id strings.
 *
 * @example
 * checkCustomersFit('big.csv', 50_000_000, 1_200_000, memoryBudget());
 */
export function checkCustomersFit(file: string, customers: number, line: number, budget: MemoryBudget): void {
  if (customers * HEAP_PER_CUSTOMER > budget.heap) {
    throw new ClvkitError(
      `${customers.toLocaleString('en')} distinct customers by line ${line}: their ids need more memory than the JavaScript heap allows (${gb(budget.heap / 0.75)}); ` +
        'use --engine duckdb, which reads the file from disk (or raise node --max-old-space-size)',
      { file },
    );
  }
}
