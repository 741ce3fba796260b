import { Command } from 'commander';
/** Build the program with only the named command loaded (or all listed, for the overview help). */
export declare function buildProgram(commandName?: string): Promise<Command>;
/** Run the CLI; resolves to the exit code (0 ok, 1 bad input or failed fit, 2 bad usage). */
export declare function run(argv: string[]): Promise<number>;
//# sourceMappingURL=main.d.ts.map