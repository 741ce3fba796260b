/** The small-table date helpers live in the ingest layer (the referral log reads dates too). */
export { dateCell, dateInRange, tableDateFormat } from '../ingest/table-dates.ts';
