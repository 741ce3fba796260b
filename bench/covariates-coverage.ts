/**
 * Coverage study of the covariate models' 95 % intervals (not part of `npm run bench`):
 * `npx tsx bench/covariates-coverage.ts [--seeds 200] [--customers 1500]`.
 *
 * For each seed, simulates a Pareto/NBD with a binary and a continuous static covariate in both
 * processes (true γ_p = (0.5, −0.3), γ_d = (0.4, 0.3)), fits it, and counts how often each 95 %
 * interval covers the truth; then the same for time-varying covariates (γ_p = (0.4, 0.3),
 * γ_d = (−0.3, 0.4), 40 periods, a quarter of the seeds). Prints the coverage per coefficient with its
 * binomial standard error, and the largest |estimate − truth| / SE.
 */
import { fitParetoNbdCovariates } from '../src/models/covariates/paretonbd-static.ts';
import { fitParetoNbdDynamic } from '../src/models/covariates/paretonbd-dynamic.ts';
import type { CovariateMatrix } from '../src/models/covariates/design.ts';
import { simulateParetoNbdDynamic, simulateParetoNbdStatic } from '../src/simulate/covariates.ts';
import { createRng } from '../src/random.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SEEDS = arg('--seeds', 200);
const N = arg('--customers', 1500);

function report(label: string, names: string[], covered: number[], total: number, maxZ: number): void {
  console.log(`${label}: ${total} fits, largest |z| ${maxZ.toFixed(2)}`);
  names.forEach((nm, j) => {
    const c = covered[j] / total;
    console.log(`  ${nm.padEnd(12)} coverage ${(100 * c).toFixed(1)} % (± ${(100 * Math.sqrt((0.95 * 0.05) / total)).toFixed(1)} binomial SE at 95 %)`);
  });
}

{
  const want = [0.5, -0.3, 0.4, 0.3];
  const covered = [0, 0, 0, 0];
  let maxZ = 0;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const rng = createRng(seed);
    const z = new Float64Array(N * 2);
    for (let i = 0; i < N; i++) {
      z[2 * i] = rng.uniform() < 0.4 ? 1 : 0;
      z[2 * i + 1] = rng.normal();
    }
    const T = Float64Array.from({ length: N }, () => 52 + rng.integer(53));
    const s = simulateParetoNbdStatic({ customers: N, k: 2, z, T, r: 0.9, alpha: 8, s: 0.7, beta: 15, gammaPurchase: [0.5, -0.3], gammaDropout: [0.4, 0.3], seed: seed + 5000 });
    const m: CovariateMatrix = { names: ['b', 'x'], rows: N, values: z, customerIds: [], reference: {}, source: { b: 'b', x: 'x' } };
    const f = fitParetoNbdCovariates(s, m);
    f.coefficients.forEach((c, j) => {
      if (c.lower <= want[j] && want[j] <= c.upper) covered[j]++;
      maxZ = Math.max(maxZ, Math.abs(c.estimate - want[j]) / c.se);
    });
  }
  report(`static Pareto/NBD, ${N} customers`, ['purchase:b', 'purchase:x', 'dropout:b', 'dropout:x'], covered, SEEDS, maxZ);
}

{
  const want = [0.4, 0.3, -0.3, 0.4];
  const covered = [0, 0, 0, 0];
  let maxZ = 0;
  const seeds = Math.max(1, Math.round(SEEDS / 4));
  const P = 40;
  for (let seed = 1; seed <= seeds; seed++) {
    const rng = createRng(seed);
    const z = new Float64Array(N * P * 2);
    for (let i = 0; i < N; i++) {
      const b = rng.uniform() < 0.5 ? 1 : 0;
      for (let p = 0; p < P; p++) {
        z[(i * P + p) * 2] = b;
        z[(i * P + p) * 2 + 1] = Math.sin((2 * Math.PI * (p + 13 * (i % 4))) / 26) + 0.5 * rng.normal();
      }
    }
    const start = Float64Array.from({ length: N }, () => rng.uniform() * P * 0.4);
    const data = simulateParetoNbdDynamic({ customers: N, periods: P, start, k: 2, z, r: 1, alpha: 12, s: 0.8, beta: 25, gammaPurchase: [0.4, 0.3], gammaDropout: [-0.3, 0.4], seed: seed + 99 });
    const f = fitParetoNbdDynamic(data);
    f.coefficients.forEach((c, j) => {
      if (c.lower <= want[j] && want[j] <= c.upper) covered[j]++;
      maxZ = Math.max(maxZ, Math.abs(c.estimate - want[j]) / c.se);
    });
  }
  report(`time-varying Pareto/NBD, ${N} customers × ${P} periods`, ['purchase:z1', 'purchase:z2', 'dropout:z1', 'dropout:z2'], covered, seeds, maxZ);
}
