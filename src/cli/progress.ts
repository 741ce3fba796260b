/**
 * A progress bar on stderr, shown only when stderr is a terminal and the user did not ask for
 * quiet output; otherwise every call is a no-op, so pipes and CI logs stay clean.
 */
export interface Progress {
  update(done: number, total?: number): void;
  stop(): void;
}

const NOOP: Progress = { update() {}, stop() {} };

export async function createProgress(label: string, total: number, quiet = false): Promise<Progress> {
  if (quiet || !process.stderr.isTTY) return NOOP;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {eta_formatted} left`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update(done, newTotal) {
      if (newTotal !== undefined) bar.setTotal(newTotal);
      bar.update(done);
    },
    stop() {
      bar.stop();
    },
  };
}
