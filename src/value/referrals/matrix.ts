import { ClvkitError } from '../../errors.ts';

/** The four cells of the CLV × CRV matrix (Kumar, Petersen & Leone 2007, HBR 85(10)). */
export type ValueCell = 'champions' | 'affluents' | 'advocates' | 'misers';

/**
 * The action the paper recommends for each cell (KPL 2007: Champions high CLV and CRV, Affluents high CLV
 * low CRV, Advocates low CLV high CRV, Misers low on both), paraphrased.
 *
 * @example
 * CELL_ACTIONS.affluents; // 'encourage referrals: ...'
 */
export const CELL_ACTIONS: Readonly<Record<ValueCell, string>> = {
  champions: 'keep them engaged: reward both their purchases and their referrals',
  affluents: 'encourage referrals: referral incentives, invite them to recommend',
  advocates: 'encourage purchases: up-sell and cross-sell to those who already bring in customers',
  misers: 'encourage both at low cost; do not over-invest (move them to another cell or let them be)',
};

/** Cells in the order tables list them. */
export const CELLS: readonly ValueCell[] = ['champions', 'affluents', 'advocates', 'misers'];

/**
 * One cell of the matrix: its customers and their CLV and CRV (totals and means).
 *
 * @example
 * const row: MatrixCell = matrix.cells[0]; // row.cell === 'champions'
 */
export interface MatrixCell {
  cell: ValueCell;
  customers: number;
  share_customers: number;
  clv_total: number;
  clv_mean: number;
  crv_total: number;
  crv_mean: number;
  action: string;
}

/**
 * @example
 * const m: ValueMatrix = clvCrvMatrix(clv, crv);
 * m.cellOf[0]; // index into CELLS
 */
export interface ValueMatrix {
  cutoffs: { clv: number; crv: number; source: 'median' | 'given' };
  /** Per customer: index into CELLS. */
  cellOf: Int8Array;
  cells: MatrixCell[];
}

/**
 * The CLV × CRV matrix: a customer is high on a measure when strictly above its cut-off (by default the
 * median over the customers, so that a CRV median of 0 puts every customer with referral value high).
 *
 * @example
 * clvCrvMatrix([10, 1, 8, 2], [0, 5, 6, 0]).cells.map((c) => c.customers); // [1, 1, 1, 1]
 */
export function clvCrvMatrix(clv: ArrayLike<number>, crv: ArrayLike<number>, cutoffs?: { clv?: number; crv?: number }): ValueMatrix {
  const n = clv.length;
  if (crv.length !== n) throw new ClvkitError(`CLV × CRV matrix: ${crv.length} CRV values for ${n} CLV values`);
  if (n === 0) throw new ClvkitError('CLV × CRV matrix: no customers');
  const given = cutoffs?.clv !== undefined || cutoffs?.crv !== undefined;
  const cClv = cutoffs?.clv ?? median(clv);
  const cCrv = cutoffs?.crv ?? median(crv);
  const cellOf = new Int8Array(n);
  const count = [0, 0, 0, 0];
  const sClv = [0, 0, 0, 0];
  const sCrv = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const hiClv = clv[i] > cClv;
    const hiCrv = crv[i] > cCrv;
    const c = hiClv ? (hiCrv ? 0 : 1) : hiCrv ? 2 : 3;
    cellOf[i] = c;
    count[c]++;
    sClv[c] += clv[i];
    sCrv[c] += crv[i];
  }
  const cells = CELLS.map((cell, c) => ({
    cell,
    customers: count[c],
    share_customers: count[c] / n,
    clv_total: sClv[c],
    clv_mean: count[c] ? sClv[c] / count[c] : NaN,
    crv_total: sCrv[c],
    crv_mean: count[c] ? sCrv[c] / count[c] : NaN,
    action: CELL_ACTIONS[cell],
  }));
  return { cutoffs: { clv: cClv, crv: cCrv, source: given ? 'given' : 'median' }, cellOf, cells };
}

/** Median as quantileSorted(sorted, 0.5) gives it (mean of the two middle values), by selection in O(n). */
function median(x: ArrayLike<number>): number {
  const n = x.length;
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = x[i];
  const hi = select(a, n >> 1);
  if (n % 2 === 1) return hi;
  // the lower middle is the largest value left of the upper one after selection
  let lo = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (a[i] > lo) lo = a[i];
  return lo + 0.5 * (hi - lo);
}

/** The k-th smallest value (0-based) by Hoare's selection; a is partitioned around it. */
function select(a: Float64Array, k: number): number {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    const pivot = a[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k];
}
