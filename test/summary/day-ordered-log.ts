/**
 * A CSV log in day order (as exports are) over `customers` customers: a day step now and then, same-day
 * repeats; each row's amount from `amount(rand)` (default: one row in ten a return, others whole cents).
 * Shared by the summary tests that need a table from the ingest in day order.
 */
export function dayOrderedLog(
  seed: number,
  customers: number,
  rows: number,
  start = Date.UTC(2023, 0, 1),
  amount: (rand: () => number) => number = (rand) => (rand() < 0.1 ? -(Math.floor(rand() * 5000) / 100) : Math.floor(rand() * 10000) / 100),
): string {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const lines = ['customer_id,date,amount'];
  let d = start;
  for (let i = 0; i < rows; i++) {
    if (rand() < 0.05) d += 86400000 * (1 + Math.floor(rand() * 3));
    const c = Math.floor(rand() * customers);
    lines.push(`c${c},${new Date(d).toISOString().slice(0, 10)},${amount(rand)}`);
  }
  return lines.join('\n') + '\n';
}
