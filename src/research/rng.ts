/**
 * A small seeded generator: mulberry32 uniforms (Tommy Ettinger's public-domain construction) and
 * standard normals by the Box-Muller transform (Box & Muller 1958, Ann. Math. Stat. 29(2)).
 *
 * @example
 * const rng = seededRng(42);
 * rng.uniform(); rng.normal();
 */
export function seededRng(seed: number): { uniform(): number; normal(): number } {
  // Scramble the seed (a murmur3-style finaliser) so that nearby seeds start far apart.
  let state = Math.floor(seed) >>> 0;
  state = Math.imul(state ^ (state >>> 16), 0x85ebca6b) >>> 0;
  state = Math.imul(state ^ (state >>> 13), 0xc2b2ae35) >>> 0;
  state = (state ^ (state >>> 16) ^ 0x9e3779b9) >>> 0;
  let spare: number | null = null;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  const normal = () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const u1 = uniform();
    const u2 = uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  };
  return { uniform, normal };
}
