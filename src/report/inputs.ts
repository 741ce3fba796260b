/**
 * Reading the optional inputs of a report from files (contracts, leads, survey + study config,
 * Kano answers, NPS scores) and running their analyses, so the CLI stays a thin shell.
 */
import { readFileSync } from 'node:fs';
import { fileError } from '../io/atomic.ts';
import { basename } from 'node:path';
import { ClvkitError } from '../errors.ts';
import { optionalColumnIndex, readTable } from '../ingest/table.ts';
import type { DateFormat } from '../ingest/dates.ts';
import type { TransactionTable } from '../types.ts';
import { readContracts } from '../outcomes/contracts.ts';
import { contractRetention } from '../outcomes/contract-retention.ts';
import { readLeads } from '../outcomes/leads.ts';
import { leadFunnel } from '../outcomes/funnel.ts';
import { kanoFeatures } from '../research/kano.ts';
import { readKanoAnswers } from '../research/kano-read.ts';
import { NPS_ID_ALIASES, npsScoresFromTable } from '../research/nps-read.ts';
import { npsByValueTier } from '../research/nps-tiers.ts';
import { netPromoterScore } from '../research/nps.ts';
import { npsByGroup } from '../research/nps-groups.ts';
import { analyseSurvey } from '../research/study.ts';
import { parseStudyConfig } from '../research/survey-config.ts';
import { analyseForReport, type ReportAnalysisOptions } from './analyse.ts';
import type { ReportInputs } from './build.ts';

/** Files of a report besides the transactions. */
export interface ReportFiles {
  contracts?: string;
  leads?: string;
  survey?: string;
  /** Study config (JSON) of the survey. */
  config?: string;
  kano?: string;
  nps?: string;
  /** NPS grouping column. */
  npsBy?: string;
  dateFormat?: DateFormat;
  skipBadRows?: boolean;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw fileError(e, file, 'read');
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ClvkitError(`not valid JSON: ${(e as Error).message}`, { file });
  }
}

/**
 * Everything a report needs, from a transaction table and the optional files.
 *
 * @example
 * const table = await readTransactions('orders.csv');
 * const inputs = reportInputsFromFiles('orders.csv', table, { nps: 'nps.csv', kano: 'kano.csv' }, { model: 'auto' });
 * const html = await buildReport(inputs, { lang: 'fr' });
 */
export function reportInputsFromFiles(source: string, table: TransactionTable, files: ReportFiles, options: ReportAnalysisOptions = {}): ReportInputs {
  if ((files.survey === undefined) !== (files.config === undefined)) throw new ClvkitError('--survey and --config go together: the survey file and its study config (JSON)');
  const portfolio = analyseForReport(table, options);
  const inputs: ReportInputs = { source: basename(source), table, portfolio };
  if (files.contracts) {
    const c = readContracts(files.contracts, { dateFormat: files.dateFormat });
    // The transactions (or --end) set the end of observation; later contract dates never push it (issue 15).
    const end = portfolio.summary.end;
    const result = contractRetention(c, { end, period: 'month' });
    inputs.contracts = { result, file: basename(files.contracts), accounting: result.accounting };
  }
  if (files.leads) {
    const l = readLeads(files.leads, { dateFormat: files.dateFormat });
    const result = leadFunnel(l, portfolio.facts, 'month');
    inputs.leads = { result, file: basename(files.leads), accounting: result.accounting };
  }
  if (files.survey && files.config) {
    const config = parseStudyConfig(readJson(files.config), files.config);
    const table2 = readTable(files.survey);
    const result = analyseSurvey(table2, config);
    inputs.survey = { result, file: basename(files.survey), accounting: { read: table2.rows.length, used: result.respondents, rejected: result.respondents < table2.rows.length ? { 'missing answers': table2.rows.length - result.respondents } : {} } };
  }
  if (files.kano) {
    const k = readKanoAnswers(files.kano, { skipBadRows: files.skipBadRows });
    inputs.kano = { result: kanoFeatures(k.rows), file: basename(files.kano), accounting: k.accounting };
  }
  if (files.nps) {
    const npsTable = readTable(files.nps);
    const hasIds = optionalColumnIndex(npsTable, NPS_ID_ALIASES, 'customer id') >= 0;
    const n = npsScoresFromTable(npsTable, { by: files.npsBy ? [files.npsBy] : [], skipBadRows: files.skipBadRows, ids: hasIds });
    const g = n.groups[0];
    // respondents who are customers: NPS by value tier (the customer pyramid of historical spend)
    const byTier = n.ids && portfolio.table.hasAmount ? npsByValueTier(n.ids, n.scores, portfolio.summary.customerIds, portfolio.value.historical) : undefined;
    inputs.nps = {
      result: {
        overall: netPromoterScore(n.scores),
        groups: g ? npsByGroup(n.scores, g.labels) : undefined,
        groupColumn: g?.column,
        ...(byTier && byTier.matched > 0 ? { tiers: byTier.groups, matched: byTier.matched } : {}),
      },
      file: basename(files.nps),
      accounting: n.accounting,
    };
  }
  return inputs;
}
