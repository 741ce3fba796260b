/**
 * The sections a finance analyst acts on: the executive summary (first), the lists of customers to
 * act on (at-risk high-value customers, top customers by CLV), and the reading guide added to the
 * other sections (a "how to read" note and the definitions of the terms they use).
 */
import type { Block, CsvData, Section } from '../document.ts';
import type { ReportAnalysis, ValueAnalysis } from '../analyse.ts';
import type { PriorityRow } from '../../segment/priorities.ts';
import { formatDay } from '../../ingest/dates.ts';
import { NO_DAY } from '../../outcomes/customers.ts';
import { guide, type Guide } from '../guide.ts';
import { displayName, type SectionContext } from './context.ts';

/** Rows shown in the page per list (the CSV holds every row the analysis carries). */
export const LIST_ROWS = 25;

/** Days in a month for "the last three full months". */
const MONTHS_COMPARED = 3;

/**
 * Three to five plain sentences with the numbers that matter, each with the assumptions it rests on.
 *
 * @example
 * summarySection(analysis, ctx, 'BG/NBD').blocks[0] // { kind: 'list', items: ['The 5,000 customers are expected to bring …'] }
 */
export function summarySection(p: ReportAnalysis, ctx: SectionContext, modelName: string, currency?: string): Section {
  const { f } = ctx;
  const g = guide(ctx.lang);
  const v = p.value;
  let customers = 0;
  let repeaters = 0;
  let revenue = 0;
  for (let i = 0; i < p.facts.first.length; i++) {
    if (p.facts.first[i] === NO_DAY) continue;
    customers++;
    if (p.facts.second[i] !== NO_DAY) repeaters++;
    if (p.facts.hasAmount && Number.isFinite(p.facts.revenue[i])) revenue += p.facts.revenue[i];
  }
  const items: string[] = [];
  if (!p.facts.hasAmount) {
    items.push(g.summaryNoAmounts(f.int(customers)));
  } else if (v.modelBased) {
    const ei = v.equityInterval;
    const valueText = ei && Number.isFinite(ei.lower) && Number.isFinite(ei.upper) ? g.valueInterval(f.money(v.total, 0), f.money(ei.lower, 0), f.money(ei.upper, 0), f.pct(ei.level, 0), f.int(ei.draws)) : f.money(v.total, 0);
    items.push(g.summaryValue(f.int(customers), valueText, f.int(v.horizonMonths), modelName, f.pct(v.margin, 0), f.pct(v.annualDiscount, 0), currency ? g.amountsIn(currency.toUpperCase()) : g.amountsNoCurrency));
    items.push(g.summaryConcentration(f.pct(0.2, 0), f.pct(v.top20, 0)));
    items.push(v.atRisk.count > 0 ? g.summaryAtRisk(f.int(v.atRisk.count), f.money(v.atRisk.spend, 0), f.money(v.atRisk.clv, 0)) : g.summaryNoAtRisk);
  } else {
    items.push(g.summaryNoValue(f.int(customers), f.money(revenue, 0)));
  }
  const trend = recruitmentTrend(p.recruitment.map((r) => r.new_customers));
  if (trend) items.push(g.summaryRecruitment(f.int(trend.recent), f.int(trend.before), trend.before > 0 ? signedPct(ctx, trend.recent / trend.before - 1) : '–'));
  items.push(g.summaryRepeat(f.pct(repeaters / Math.max(1, customers), 0)));
  return { id: 'summary', title: g.secSummary, blocks: [{ kind: 'list', items }] };
}

/** New customers in the last MONTHS_COMPARED full months against the MONTHS_COMPARED before (the last month is partial and left out). */
function recruitmentTrend(perMonth: number[]): { recent: number; before: number } | undefined {
  // the last month of the data is usually partial: compare full months only
  const full = perMonth.slice(0, -1);
  if (full.length < 2 * MONTHS_COMPARED) return undefined;
  const sum = (a: number[]) => a.reduce((s, x) => s + x, 0);
  return { recent: sum(full.slice(-MONTHS_COMPARED)), before: sum(full.slice(-2 * MONTHS_COMPARED, -MONTHS_COMPARED)) };
}

function signedPct(ctx: SectionContext, x: number): string {
  const s = ctx.f.pct(Math.abs(x), 0);
  return x > 0 ? `+${s}` : x < 0 ? `\u2212${s}` : s;
}

/** The customer columns of both lists: shown text and the CSV's full-precision values. */
function listBlock(rows: PriorityRow[], total: number, name: string, ctx: SectionContext, modelBased: boolean, end: number): Block {
  const { m, f } = ctx;
  const g = guide(ctx.lang);
  const header = ['#', m.customerId, modelBased ? m.clv : m.historicalSpend, g.pastSpend, m.probabilityAlive, m.tier, m.segment, m.lastPurchase, m.flags];
  const csv: CsvData = {
    name,
    header: ['position', 'customer_id', 'clv', 'historical_spend', 'probability_alive', 'tier', 'past_tier', 'rfm_segment', 'last_purchase', 'flags'],
    rows: rows.map((p, k) => [k + 1, p.customer_id, p.clv, p.historical_spend, p.probability_alive, p.tier, p.past_tier, p.rfm_segment, formatDay(end - p.days_since_last_purchase), p.flags.join(' ')]),
  };
  return {
    kind: 'table',
    header,
    rows: rows.slice(0, LIST_ROWS).map((p, k) => [
      String(k + 1), p.customer_id, f.money(p.clv), f.money(p.historical_spend), f.pct(p.probability_alive), displayName(ctx, p.tier), displayName(ctx, p.rfm_segment),
      f.date(end - p.days_since_last_purchase), p.flags.map((x) => m.flagNames[x] ?? x).join(', '),
    ]),
    numeric: [true, false, true, true, true, false, false, false, false],
    csv,
    total,
  };
}

/**
 * The lists to act on: high-value customers at risk (with the rule stated) and the top customers by CLV.
 *
 * @example
 * actionsSection(analysis.value, analysis.summary.end, ctx)?.id // 'actions'
 */
export function actionsSection(v: ValueAnalysis, end: number, ctx: SectionContext): Section | null {
  if (v.priorities.length === 0 && v.atRisk.count === 0) return null;
  const g = guide(ctx.lang);
  const blocks: Block[] = [{ kind: 'note', text: g.readActions }, { kind: 'heading', text: g.atRiskTitle }];
  if (v.atRisk.count > 0) {
    blocks.push({ kind: 'paragraph', text: g.atRiskIntro(ctx.f.int(v.atRisk.count)) });
    blocks.push(listBlock(v.atRisk.rows, v.atRisk.count, 'at-risk-customers.csv', ctx, v.modelBased, end));
  } else blocks.push({ kind: 'paragraph', text: g.atRiskNone });
  if (v.priorities.length > 0) {
    blocks.push({ kind: 'heading', text: g.topTitle });
    blocks.push({ kind: 'paragraph', text: g.topIntro(ctx.f.int(Math.min(LIST_ROWS, v.priorities.length))) });
    blocks.push(listBlock(v.priorities, v.priorities.length, 'top-customers.csv', ctx, v.modelBased, end));
  }
  blocks.push({ kind: 'definitions', items: [{ term: ctx.m.flags, text: g.defFlags }, { term: ctx.m.probabilityAlive, text: g.defPAlive }] });
  return { id: 'actions', title: g.secActions, blocks };
}

/** The "how to read" note and the definitions each section gets, by section id. */
function readingGuide(id: string, ctx: SectionContext, g: Guide): { note?: string; defs?: { term: string; text: string }[] } {
  const m = ctx.m;
  switch (id) {
    case 'key-figures':
      return { note: g.readKeyFigures };
    case 'recruitment':
      return { note: g.readRecruitment };
    case 'model':
      return { note: g.readModel, defs: [{ term: m.probabilityAlive, text: g.defPAlive }] };
    case 'value':
      return { note: g.readValue, defs: [{ term: m.clv, text: g.defClv }] };
    case 'segments':
      return { note: g.readSegments, defs: [{ term: m.tier, text: g.defTiers }, { term: m.segment, text: g.defRfm }] };
    default:
      return {};
  }
}

/**
 * A section with its reading guide: the note right under the title, the definitions at the end.
 *
 * @example
 * withReadingGuide(valueSection(v, ctx), ctx).blocks[0].kind // 'note'
 */
export function withReadingGuide(section: Section, ctx: SectionContext): Section {
  const { note, defs } = readingGuide(section.id, ctx, guide(ctx.lang));
  const blocks = [...section.blocks];
  if (note) blocks.unshift({ kind: 'note', text: note });
  if (defs) blocks.push({ kind: 'definitions', items: defs });
  return { ...section, blocks };
}
