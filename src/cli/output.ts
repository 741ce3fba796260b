/**
 * Say what a command wrote, in one line: on stdout, which then holds nothing else, unless `--json`
 * holds stdout for its document (the line then goes to stderr with the other messages).
 *
 * @example
 * wroteNote(o, `wrote 11 tables to ${o.outDir}`);
 */
export function wroteNote(o: { json?: boolean }, line: string): void {
  (o.json ? process.stderr : process.stdout).write(line + '\n');
}
