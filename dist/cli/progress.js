const NOOP = { update() { }, stop() { } };
export async function createProgress(label, total, quiet = false) {
    if (quiet || !process.stderr.isTTY)
        return NOOP;
    const { default: cliProgress } = await import('cli-progress');
    const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {percentage}% | {eta_formatted} left`, stream: process.stderr, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
    bar.start(total, 0);
    return {
        update(done, newTotal) {
            if (newTotal !== undefined)
                bar.setTotal(newTotal);
            bar.update(done);
        },
        stop() {
            bar.stop();
        },
    };
}
//# sourceMappingURL=progress.js.map