var __rewriteRelativeImportExtension = (this && this.__rewriteRelativeImportExtension) || function (path, preserveJsx) {
    if (typeof path === "string" && /^\.\.?\//.test(path)) {
        return path.replace(/\.(tsx)$|((?:\.d)?)((?:\.[^./]+?)?)\.([cm]?)ts$/i, function (m, tsx, d, ext, cm) {
            return tsx ? preserveJsx ? ".jsx" : ".js" : d && (!ext || !cm) ? m : (d + ext + "." + cm.toLowerCase() + "js");
        });
    }
    return path;
};
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClvkitError } from '../errors.js';
/**
 * The clvkit command line. Each command lives in its own module and is imported only when it
 * runs, so `clvkit --help` starts fast and never loads TensorFlow, mathjs or vega.
 */
const COMMANDS = {
    summary: { module: './commands/summary.ts', summary: 'per-customer summary (frequency, recency, T, spend) with row accounting' },
    fit: { module: './commands/fit.ts', summary: 'fit a model: bgnbd, mbgnbd, paretonbd, bgbb, sbg, bdw, gammagamma' },
    predict: { module: './commands/predict.ts', summary: 'per-customer predictions: expected transactions, P(alive), spend, CLV' },
    segment: { module: './commands/segment.ts', summary: 'value tiers, RFM segments, concentration and the prioritised list' },
    retention: { module: './commands/retention.ts', summary: 'recruitment, conversion and cohort retention' },
    survey: { module: './commands/survey.ts', summary: 'survey reliability, construct scores and regressions' },
    kano: { module: './commands/kano.ts', summary: 'Kano classification and Better/Worse coefficients' },
    nps: { module: './commands/nps.ts', summary: 'Net Promoter Score with its interval, by group' },
    report: { module: './commands/report.ts', summary: 'the whole portfolio report as one HTML file' },
    simulate: { module: './commands/simulate.ts', summary: 'seeded synthetic transactions (and survey, Kano, NPS files) with known parameters' },
};
function version() {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    return pkg.version;
}
/** Build the program with only the named command loaded (or all listed, for the overview help). */
export async function buildProgram(commandName) {
    const program = new Command('clvkit')
        .description('Customer portfolio value and retention analytics')
        .version(version(), '-V, --version')
        .option('--debug', 'print stack traces of errors')
        .showHelpAfterError('(add --help for usage)')
        .exitOverride();
    program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
    const available = Object.entries(COMMANDS).filter(([, c]) => moduleExists(c.module));
    const chosen = available.find(([name]) => name === commandName);
    if (chosen) {
        const mod = (await import(__rewriteRelativeImportExtension(chosen[1].module)));
        mod.register(program);
        for (const cmd of program.commands)
            cmd.exitOverride();
    }
    else {
        for (const [name, c] of available)
            program.command(name).description(c.summary);
    }
    return program;
}
function moduleExists(rel) {
    try {
        readFileSync(new URL(rel, import.meta.url));
        return true;
    }
    catch {
        return false;
    }
}
/** Run the CLI; resolves to the exit code (0 ok, 1 bad input or failed fit, 2 bad usage). */
export async function run(argv) {
    const args = argv.slice(2);
    const debug = args.includes('--debug');
    const commandName = args.find((a) => !a.startsWith('-'));
    try {
        const program = await buildProgram(commandName);
        await program.parseAsync(argv);
        return 0;
    }
    catch (e) {
        if (e instanceof CommanderError) {
            // help and version exit through here with code 0
            return e.exitCode === 0 ? 0 : 2;
        }
        if (e instanceof ClvkitError) {
            process.stderr.write(`clvkit: ${e.message}\n`);
            if (debug)
                process.stderr.write(`${e.stack}\n`);
            return e.exitCode;
        }
        const err = e;
        process.stderr.write(`clvkit: internal error: ${err?.message ?? String(e)}${debug ? '\n' + err?.stack : ' (run with --debug for details)'}\n`);
        return 1;
    }
}
const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain || process.env.CLVKIT_BIN === '1') {
    // `clvkit … | head` closes the pipe early: that is the reader's choice, not an error.
    process.stdout.on('error', (e) => {
        if (e.code === 'EPIPE')
            process.exit(0);
        throw e;
    });
    run(process.argv).then((code) => {
        process.exitCode = code;
    });
}
//# sourceMappingURL=main.js.map