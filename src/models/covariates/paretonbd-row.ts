/**
 * One customer's Pareto/NBD log-likelihood with its gradient and Hessian in (r, α, s, β) (Fader &
 * Hardie 2005 note, §3): log L = log Γ(r+x) − log Γ(r) + log[e^{l1} + e^{l2}], the "alive" term
 * l1 = −r log(1 + T/α) − x log(α+T) − s log(1 + T/β) and the dropout term l2 = log s + log ∫_{t_x}^T
 * (α+τ)^{−(r+x)} (β+τ)^{−(s+1)} dτ + r log α + s log β, by the closed form (tanh-sinh quadrature
 * where the 2F1 series is slow). Used row by row when every customer has their own (α_i, β_i).
 */
import { logDropoutIntegralQuad, logF } from '../paretonbd.ts';
import { digamma, gammaln, log1mexp, logAddExp, trigamma, type Log2F1Derivatives, type Log2F1SecondDerivatives } from '../special.ts';

const g2 = new Float64Array(4);
const H2 = new Float64Array(16);
const gT = new Float64Array(4);
const HT = new Float64Array(16);
const gx = new Float64Array(4);
const Hx = new Float64Array(16);
const d: Log2F1Derivatives = { db: 0, dc: 0, dz: 0 };
const d2: Log2F1SecondDerivatives = { bb: 0, bc: 0, bz: 0, cc: 0, cz: 0, zz: 0 };
/** Above this 2F1 argument at t_x the series is slow: quadrature instead (as in `paretoNbdProblem`). */
const QUADRATURE_Z = 0.98;

/**
 * log of the dropout integral (plus r log α + s log β) with gradient and Hessian: by the closed form
 * (F(t_x) − F(T))/(r+s+x) of Fader & Hardie (2005, §3) where its 2F1 series converges fast, by
 * quadrature elsewhere.
 */
function logDropout(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number, g: Float64Array, H: Float64Array): number {
  const z = alpha >= beta ? (alpha - beta) / (alpha + tx) : (beta - alpha) / (beta + tx);
  if (z > QUADRATURE_Z) return logDropoutIntegralQuad(r, alpha, s, beta, x, tx, T, g, H);
  const fT = logF(r, alpha, s, beta, x, T, gT, d, HT, d2);
  const fx = logF(r, alpha, s, beta, x, tx, gx, d, Hx, d2);
  const diff = Math.min(fT - fx, 0);
  const rsx = r + s + x;
  // log(F(t_x) − F(T)): gradient (∇a − ρ∇b)/(1−ρ), ρ = F(T)/F(t_x)
  const rho = Math.exp(diff);
  const inv = 1 / -Math.expm1(diff);
  for (let a = 0; a < 4; a++) g[a] = (gx[a] - rho * gT[a]) * inv;
  for (let a = 0; a < 4; a++) {
    for (let b = 0; b < 4; b++) {
      const q = a * 4 + b;
      H[q] = (Hx[q] + gx[a] * gx[b] - rho * (HT[q] + gT[a] * gT[b])) * inv - g[a] * g[b];
    }
  }
  const c2 = 1 / (rsx * rsx); // −log(r+s+x)
  H[0] += c2;
  H[2] += c2;
  H[8] += c2;
  H[10] += c2;
  g[0] -= 1 / rsx;
  g[2] -= 1 / rsx;
  return -Math.log(rsx) + fx + log1mexp(diff);
}

/**
 * Fills `g` (4) and `H` (16, row-major) and returns log L for one customer.
 *
 * @example
 * const g = new Float64Array(4), H = new Float64Array(16);
 * paretoNbdRowDerivatives(Float64Array.of(0.553, 10.578, 0.606, 11.669), 2, 30.43, 38.86, g, H);
 */
export function paretoNbdRowDerivatives(p: ArrayLike<number>, x: number, tx: number, T: number, g: Float64Array, H: Float64Array): number {
  const r = p[0];
  const alpha = p[1];
  const s = p[2];
  const beta = p[3];
  const at = alpha + T;
  const bt = beta + T;
  const l1a = Math.log1p(T / alpha);
  const l1b = Math.log1p(T / beta);
  const l1 = -r * l1a - x * Math.log(at) - s * l1b;
  // derivatives of the alive term
  const a0 = -l1a;
  const a1 = (r * T) / (alpha * at) - x / at;
  const a2 = -l1b;
  const a3 = (s * T) / (beta * bt);
  const hra = T / (alpha * at);
  const haa = (-r * T * (2 * alpha + T)) / (alpha * alpha * at * at) + x / (at * at);
  const hsb = T / (beta * bt);
  const hbb = (-s * T * (2 * beta + T)) / (beta * beta * bt * bt);
  const c0 = gammaln(r + x) - gammaln(r);
  const dc0 = digamma(r + x) - digamma(r);
  const hc0 = trigamma(r + x) - trigamma(r);
  H.fill(0);
  if (!(T > tx)) {
    g[0] = dc0 + a0;
    g[1] = a1;
    g[2] = a2;
    g[3] = a3;
    H[0] = hc0;
    H[1] = H[4] = hra;
    H[5] = haa;
    H[11] = H[14] = hsb;
    H[15] = hbb;
    return c0 + l1;
  }
  const l2 = Math.log(s) + logDropout(r, alpha, s, beta, x, tx, T, g2, H2);
  g2[2] += 1 / s;
  H2[10] -= 1 / (s * s);
  const lse = logAddExp(l1, l2);
  const w1 = Math.exp(l1 - lse);
  const w2 = 1 - w1;
  const ga = [a0, a1, a2, a3];
  // ∇² log(e^{l1} + e^{l2}) = w1 ∇²l1 + w2 ∇²l2 + w1 w2 (∇l1 − ∇l2)(∇l1 − ∇l2)ᵀ
  for (let i = 0; i < 4; i++) {
    g[i] = w1 * ga[i] + w2 * g2[i];
    for (let j = 0; j < 4; j++) H[i * 4 + j] = w2 * H2[i * 4 + j] + w1 * w2 * (ga[i] - g2[i]) * (ga[j] - g2[j]);
  }
  H[1] += w1 * hra;
  H[4] += w1 * hra;
  H[5] += w1 * haa;
  H[11] += w1 * hsb;
  H[14] += w1 * hsb;
  H[15] += w1 * hbb;
  g[0] += dc0;
  H[0] += hc0;
  return c0 + lse;
}
