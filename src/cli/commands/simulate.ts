import { wroteNote } from '../output.ts';
import { count } from '../../plural.ts';
import type { Command } from 'commander';
import { UsageError } from '../../errors.ts';
import { checkOutputFile } from '../../io/atomic.ts';

interface SimulateOptions {
  customers: string;
  seed: string;
  start: string;
  days: string;
  acquisitionDays: string;
  out?: string;
  lang: string;
  channels: boolean;
  json?: boolean;
  r?: string;
  alpha?: string;
  a?: string;
  b?: string;
  p?: string;
  q?: string;
  v?: string;
  survey?: boolean;
  contracts?: boolean;
  contractPeriod?: string;
  contractAlpha?: string;
  contractBeta?: string;
  kano?: boolean;
  nps?: boolean;
  respondents?: string;
  referrals?: boolean;
  touchpoints?: boolean;
  outDir?: string;
  referralR?: string;
  referralAlpha?: string;
  typeOneShare?: string;
  acquisitionCost?: string;
}

function positive(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (!Number.isFinite(v) || v <= 0) throw new UsageError(`--${name} must be a positive number, got "${text}"`);
  // Counts are held in memory: bounded so that a typo is a message, not a V8 abort.
  const cap = COUNT_CAPS[name];
  if (cap !== undefined && v > cap) throw new UsageError(`--${name}: at most ${cap.toLocaleString('en')}, got "${text}"`);
  return v;
}

const COUNT_CAPS: Record<string, number> = { customers: 20_000_000, respondents: 10_000_000, days: 36_500, 'acquisition-days': 36_500 };

export function register(program: Command): void {
  program
    .command('simulate')
    .description('write a seeded synthetic transaction log (BG/NBD purchases and dropout, Gamma-Gamma spend) with known parameters')
    .option('--customers <n>', 'number of customers', '5000')
    .option('--seed <n>', 'random seed', '1')
    .option('--start <date>', 'first day of the log (ISO)', '2024-01-01')
    .option('--days <n>', 'length of the observation window in days', '730')
    .option('--acquisition-days <n>', 'days over which first purchases are spread', '365')
    .option('--r <x>', 'BG/NBD r: shape of the purchase-rate gamma distribution (default 0.25)')
    .option('--alpha <x>', 'BG/NBD alpha: scale of the purchase-rate gamma distribution, in weeks (default 4)')
    .option('--a <x>', 'BG/NBD a: first shape of the beta distribution of the dropout probability (default 0.8)')
    .option('--b <x>', 'BG/NBD b: second shape of the beta distribution of the dropout probability (default 2.5)')
    .option('--p <x>', 'Gamma-Gamma p: shape of the spend per transaction (default 6)')
    .option('--q <x>', 'Gamma-Gamma q: shape of the customers\' mean-spend scale distribution (default 4)')
    .option('--v <x>', 'Gamma-Gamma v (gamma in the papers): scale of the mean-spend distribution (default 15)')
    .option('--no-channels', 'omit the channel column')
    .option('--lang <en|fr>', 'CSV dialect: en (, . ISO dates) or fr (; decimal comma dd/mm/yyyy)', 'en')
    .option('-o, --out <file>', 'output CSV (default: piped or redirected, the CSV on stdout; on a terminal, what was drawn)')
    .option('--survey', 'write a synthetic interaction-orientation survey instead')
    .option('--contracts', 'write a synthetic subscriptions file (sBG churn; --customers contracts, --days spread of starts) instead')
    .option('--contract-period <unit>', 'billing period for --contracts: day|week|month|quarter|year', 'month')
    .option('--contract-alpha <x>', 'sBG alpha for --contracts (default 0.704)')
    .option('--contract-beta <x>', 'sBG beta for --contracts (default 1.182)')
    .option('--kano', 'write synthetic Kano answers instead')
    .option('--nps', 'write synthetic NPS scores instead')
    .option('--respondents <n>', 'respondents for --survey, --kano, --nps (default: 211 for --survey, 200 for --kano, 500 for --nps)')
    .option('--referrals', 'write transactions.csv and referrals.csv with known referral rates and type-one share (needs --out-dir)')
    .option('--touchpoints', 'write transactions.csv and touchpoints.csv with known contact effects per channel, saturation included (needs --out-dir)')
    .option('--out-dir <dir>', 'folder of the two files of --referrals and --touchpoints')
    .option('--referral-r <x>', 'referral rate heterogeneity: rate ~ Gamma(r, alpha) per week (default 0.5)')
    .option('--referral-alpha <x>', 'referral rate gamma alpha, weeks (default 50)')
    .option('--type-one-share <p>', 'probability a referral is type one (would not have joined otherwise; default 0.6)')
    .option('--acquisition-cost <x>', 'acquisition cost saved per referral, written in the log (default 40)')
    .option('--json', 'print the true parameters as JSON on stdout (requires --out)')
    .action(async (o: SimulateOptions) => {
      if (o.lang !== 'en' && o.lang !== 'fr') throw new UsageError(`--lang must be en or fr, got "${o.lang}"`);
      if (o.referrals) return simulateReferralFiles(o);
      if (o.touchpoints) return (await import('./simulate-touchpoints.ts')).simulateTouchpointFiles(o);
      if (o.json && !o.out) throw new UsageError('--json prints the parameters on stdout, so the data needs --out <file>');
      if (o.out) checkOutputFile(o.out, []);
      const seed = Number(o.seed);
      if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got "${o.seed}"`);
      const respondents = o.respondents === undefined ? undefined : positive('respondents', o.respondents);
      if (o.contracts) {
        if (!o.out) throw new UsageError('--contracts needs --out <file>');
        const { simulateContracts, writeContractsCsv } = await import('../../simulate/contracts.ts');
        const sim = simulateContracts({
          contracts: Math.round(positive('customers', o.customers)!),
          alpha: positive('contract-alpha', o.contractAlpha),
          beta: positive('contract-beta', o.contractBeta),
          period: o.contractPeriod as never,
          start: o.start,
          spreadDays: Math.round(positive('days', o.days)!),
          seed,
        });
        writeContractsCsv(sim as never, o.out);
        if (o.json) process.stdout.write(JSON.stringify({ ...sim, rows: undefined, warnings: [] }) + '\n');
        else wroteNote(o, `wrote ${count(sim.rows.length, 'contract', 'contracts')} to ${o.out}`);
        return;
      }
      if (o.survey || o.kano || o.nps) {
        const truth = await simulateResearch(o, seed, respondents);
        if (o.json) process.stdout.write(JSON.stringify(Array.isArray(truth) ? truth : { ...(truth as object), warnings: [] }) + '\n');
        else if (o.kano || o.nps) {
          const t = truth as { respondents: number; features?: unknown[]; nps?: number };
          wroteNote(o, o.kano
            ? `wrote the Kano answers of ${count(t.respondents, 'respondent', 'respondents')} on ${count(t.features!.length, 'feature', 'features')} to ${o.out}`
            : `wrote ${count(t.respondents, 'NPS score', 'NPS scores')} to ${o.out} (true NPS ${t.nps})`);
        }
        return;
      }
      const { simulateTransactions, writeSimulatedCsv, ENGLISH_DIALECT, FRENCH_DIALECT } = await import('../../simulate/transactions.ts');
      const params = Object.fromEntries(
        (['r', 'alpha', 'a', 'b', 'p', 'q', 'v'] as const).map((k) => [k, positive(k, o[k])]).filter(([, v]) => v !== undefined),
      );
      const customers = positive('customers', o.customers)!;
      const log = simulateTransactions({
        customers: Math.round(customers),
        seed,
        start: o.start,
        days: Math.round(positive('days', o.days)!),
        acquisitionDays: positive('acquisition-days', o.acquisitionDays)!,
        params,
        channels: o.channels ? [{ name: 'web', share: 0.55 }, { name: 'store', share: 0.35 }, { name: 'phone', share: 0.1 }] : undefined,
      });
      const truth = { params: log.params, timeUnit: 'week', customers: log.customers, transactions: log.customer.length, seed, start: o.start, days: Number(o.days), warnings: [] };
      if (!o.out && process.stdout.isTTY) {
        // thousands of CSV lines are no use on a terminal: what was drawn, and how to get the log
        const p = log.params as unknown as Record<string, number>;
        const list = (ks: string[]) => ks.map((k) => `${k} ${p[k]}`).join(', ');
        process.stdout.write(
          `simulated ${count(log.customer.length, 'transaction', 'transactions')} of ${count(log.customers, 'customer', 'customers')} over ${o.days} days from ${o.start} (seed ${seed})\n` +
            `BG/NBD, per week: ${list(['r', 'alpha', 'a', 'b'])}; Gamma-Gamma: ${list(['p', 'q', 'v'])}\n` +
            'the log itself: --out transactions.csv, or redirect (clvkit simulate … > transactions.csv)\n',
        );
        return;
      }
      const dialect = o.lang === 'fr' ? FRENCH_DIALECT : ENGLISH_DIALECT;
      const out = o.out ?? process.stdout;
      await writeSimulatedCsv(log, out, dialect);
      if (o.json) process.stdout.write(JSON.stringify(truth) + '\n');
      else if (o.out) wroteNote(o, `wrote ${count(log.customer.length, 'transaction', 'transactions')} of ${count(log.customers, 'customer', 'customers')} to ${o.out}`);
    });
}

async function simulateResearch(o: SimulateOptions, seed: number, respondents: number | undefined): Promise<unknown> {
  if (!o.out) throw new UsageError('--survey, --kano and --nps need --out <file>');
  if (o.survey) {
    const { simulateSurveyCommand } = await import('./simulate-survey.ts');
    return simulateSurveyCommand({ seed, respondents, out: o.out, lang: o.lang as 'en' | 'fr', json: o.json });
  }
  const mod = await import('../../simulate/kano-nps.ts');
  const m = mod as unknown as Record<string, (opts: Record<string, unknown>) => unknown>;
  if (o.kano) return m.simulateKanoCommand({ seed, respondents, out: o.out, lang: o.lang });
  return m.simulateNpsCommand({ seed, respondents, out: o.out, lang: o.lang });
}

async function simulateReferralFiles(o: SimulateOptions): Promise<void> {
  if (!o.outDir) throw new UsageError('--referrals writes two files: give --out-dir <dir>');
  const seed = Number(o.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got "${o.seed}"`);
  const share = o.typeOneShare === undefined ? undefined : Number(o.typeOneShare);
  if (share !== undefined && !(share >= 0 && share <= 1)) throw new UsageError(`--type-one-share must be between 0 and 1, got "${o.typeOneShare}"`);
  const cost = o.acquisitionCost === undefined ? undefined : Number(o.acquisitionCost);
  if (cost !== undefined && !(cost >= 0 && Number.isFinite(cost))) throw new UsageError(`--acquisition-cost must be a number >= 0, got "${o.acquisitionCost}"`);
  const { simulateReferrals, writeSimulatedReferrals } = await import('../../simulate/referrals.ts');
  const params = Object.fromEntries((['r', 'alpha', 'a', 'b', 'p', 'q', 'v'] as const).map((k) => [k, positive(k, o[k])]).filter(([, v]) => v !== undefined));
  const referral = Object.fromEntries(
    Object.entries({ r: positive('referral-r', o.referralR), alpha: positive('referral-alpha', o.referralAlpha), typeOneShare: share, acquisitionCost: cost }).filter(([, v]) => v !== undefined),
  );
  const sim = simulateReferrals({
    customers: Math.round(positive('customers', o.customers)!),
    seed,
    start: o.start,
    days: Math.round(positive('days', o.days)!),
    acquisitionDays: positive('acquisition-days', o.acquisitionDays)!,
    params,
    referral,
  });
  const paths = writeSimulatedReferrals(sim, o.outDir);
  const truth = {
    params: sim.params,
    referral: { r: sim.referral.r, alpha: sim.referral.alpha, mean_rate_per_week: sim.referral.r / sim.referral.alpha, type_one_share: sim.referral.typeOneShare, acquisition_cost: sim.referral.acquisitionCost },
    time_unit: 'week',
    customers: sim.customers,
    root_customers: sim.rootCustomers,
    referred_customers: sim.customers - sim.rootCustomers,
    referrals: sim.referrals.length,
    sample_type_one_share: sim.sampleTypeOneShare,
    transactions: sim.transactions.length,
    files: paths,
    seed,
    warnings: [],
  };
  if (o.json) process.stdout.write(JSON.stringify(truth) + '\n');
  else wroteNote(o, `wrote ${count(sim.transactions.length, 'transaction', 'transactions')} of ${count(sim.customers, 'customer', 'customers')} to ${paths.transactions} and ${count(sim.referrals.length, 'referral', 'referrals')} to ${paths.referrals}`);
}
