import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/data beside the project root. */
export const SHARED_DATA = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data');

/**
 * Whether a test that reads ../shared/data may run. Under CI a missing file is a failure
 * (thrown at collection time); elsewhere the test is skipped with a message.
 *
 * @example
 * const ok = sharedDataAvailable('cdnow_customers_summary.csv');
 * describe.runIf(ok)('CDNOW', () => { ... });
 */
export function sharedDataAvailable(...files: string[]): boolean {
  const missing = files.filter((f) => !existsSync(join(SHARED_DATA, f)));
  if (missing.length === 0) return true;
  const msg = `shared data missing in ${SHARED_DATA}: ${missing.join(', ')}`;
  if (process.env.CI) throw new Error(`${msg} (CI is set, so this is a failure)`);
  console.warn(`skipping: ${msg}`);
  return false;
}

export function sharedPath(file: string): string {
  return join(SHARED_DATA, file);
}
