import { expect } from 'vitest';
import type { TransactionModel } from '../../src/models/bgnbd.ts';

type Row = { frequency: number; recency: number; T: number };

/**
 * The oracle of the BG/NBD family's per-row predictions at horizon 30 with the discount nodes 10, 20, 30 (weights
 * 0.9, 0.8, 0.7): P(alive) and E[Y(30)] equal to the model's methods, P(Y(30) = 0) within 1e-14, the discounted
 * purchases within 1e-13 relative of the sum over the nodes.
 */
export function expectBgRow(m: TransactionModel, row: Row, got: { alive: number; expected: number; noPurchase: number; discounted: number }): void {
  expect(got.alive).toBe(m.probabilityAlive(row));
  expect(got.expected).toBe(m.conditionalExpectedTransactions(30, row));
  expect(Math.abs(got.noPurchase - m.conditionalProbabilityOfTransactions(0, 30, row))).toBeLessThan(1e-14);
  const disc = 0.9 * m.conditionalExpectedTransactions(10, row) + 0.8 * m.conditionalExpectedTransactions(20, row) + 0.7 * m.conditionalExpectedTransactions(30, row);
  expect(Math.abs(got.discounted - disc)).toBeLessThan(1e-13 * Math.max(1, disc));
}
