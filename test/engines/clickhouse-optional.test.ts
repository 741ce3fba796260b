/**
 * @clickhouse/client is optional: without it, the clickhouse engine fails with one line naming
 * the package and the install command (the package is made unloadable with a module mock).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

describe('the clickhouse engine without @clickhouse/client', () => {
  afterEach(() => {
    vi.doUnmock('@clickhouse/client');
    vi.resetModules();
  });
  it('says which package to install, in one line', async () => {
    vi.resetModules();
    vi.doMock('@clickhouse/client', () => {
      throw new Error("Cannot find package '@clickhouse/client'");
    });
    const { summarizeWithClickHouse } = await import('../../src/engines/clickhouse.ts');
    const err = await summarizeWithClickHouse({ url: 'http://127.0.0.1:1', table: 'orders' }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('the clickhouse engine needs the @clickhouse/client package: npm install @clickhouse/client');
    expect((err as Error).message).not.toContain('\n');
  });
});
