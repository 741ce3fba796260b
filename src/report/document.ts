/**
 * The report as data: a list of independent sections, each a list of blocks. Section builders
 * produce these from result objects; html.ts turns them into one page. All text here is plain
 * text (never HTML): the page escapes it.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CsvValue } from '../io/csv.ts';

/** A chart's data as a table, offered for download as CSV. */
export interface CsvData {
  /** File name without directory, e.g. 'acquisitions.csv'. */
  name: string;
  header: string[];
  rows: CsvValue[][];
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'figures'; items: { label: string; value: string; note?: string }[] }
  /**
   * A table. Tables are sortable by any column in the page (a plain table without JavaScript).
   * `csv` offers the full data for download (it may hold more rows than are shown: `total` says how
   * many the list has in all when `rows` is the first part of it).
   */
  | { kind: 'table'; caption?: string; header: string[]; rows: string[][]; numeric?: boolean[]; csv?: CsvData; total?: number }
  /** `svgNarrow`: the same chart laid out for a phone's width (shown below 600 px instead of `svg`). */
  | { kind: 'chart'; id: string; title: string; spec: TopLevelSpec; csv: CsvData; svg?: string; svgNarrow?: string; note?: string }
  /** How to read a section or a chart: a short explanation, set apart from the findings. */
  | { kind: 'note'; text: string }
  /** Terms used in the section, each with its definition. */
  | { kind: 'definitions'; items: { term: string; text: string }[] }
  | { kind: 'list'; items: string[]; ordered?: boolean };

/** One section of the report. */
export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

/** The whole report before rendering. */
export interface ReportDocument {
  lang: 'en' | 'fr';
  title: string;
  subtitle: string;
  generated: string;
  sections: Section[];
}
