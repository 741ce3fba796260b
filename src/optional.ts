import { ClvkitError } from './errors.ts';

/**
 * Import an optional package (a DataFrame library, a database driver) only when a feature needs it.
 * When it is not installed the error is one line naming the package and the command that installs
 * it; any other failure keeps its own message.
 *
 * @example
 * const pg = await importOptional<typeof import('pg')>('pg', 'the postgres engine');
 */
export async function importOptional<T>(pkg: string, feature: string, hint = ''): Promise<T> {
  try {
    return (await import(pkg)) as T;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const missing = (err?.code === 'ERR_MODULE_NOT_FOUND' || err?.code === 'MODULE_NOT_FOUND') && String(err.message).includes(pkg);
    if (missing) throw new ClvkitError(`${feature} needs the optional package ${pkg}, which is not installed: run npm install ${pkg}${hint}`);
    throw new ClvkitError(`${feature}: cannot load ${pkg}: ${err?.message ?? String(e)}`);
  }
}
