/**
 * Gauss-Legendre nodes and weights on [−1, 1] (Abramowitz & Stegun 1964, 25.4.29): the nodes are
 * the roots of the Legendre polynomial P_n, found by Newton's method from cos(π(i − 1/4)/(n + 1/2)),
 * with P_n from the three-term recurrence (k+1) P_{k+1} = (2k+1) x P_k − k P_{k−1} (A&S 22.7.10);
 * the weights are 2 / ((1 − x²) P_n'(x)²). Exact for polynomials of degree 2n − 1.
 *
 * @example
 * const { nodes, weights } = gaussLegendre(2); // nodes ±1/√3, weights 1, 1
 */
export function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 1;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 1; k < n; k++) {
        const p2 = ((2 * k + 1) * x * p1 - k * p0) / (k + 1);
        p0 = p1;
        p1 = p2;
      }
      const pn = n === 0 ? 1 : p1;
      // P_n'(x) = n (x P_n − P_{n−1}) / (x² − 1)  (A&S 22.8.5)
      dp = (n * (x * pn - p0)) / (x * x - 1);
      const step = pn / dp;
      x -= step;
      if (Math.abs(step) < 1e-15) break;
    }
    nodes[i] = x;
    weights[i] = 2 / ((1 - x * x) * dp * dp);
  }
  return { nodes, weights };
}
