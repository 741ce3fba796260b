/**
 * A progress bar on stderr, shown only when stderr is a terminal and the user did not ask for
 * quiet output; otherwise every call is a no-op, so pipes and CI logs stay clean.
 */
export interface Progress {
    update(done: number, total?: number): void;
    stop(): void;
}
export declare function createProgress(label: string, total: number, quiet?: boolean): Promise<Progress>;
//# sourceMappingURL=progress.d.ts.map