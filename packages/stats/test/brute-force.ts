// O(n²) twins of the fast algorithms, used only by the property tests. Written straight from the
// definitions, pair by pair, so that they share no code with src/.

export function concordanceBrute(
  time: number[],
  event: number[],
  score: number[],
  weightOf: (t: number) => number = () => 1,
) {
  const n = time.length;
  const c = new Array<number>(n).fill(0);
  const d = new Array<number>(n).fill(0);
  const tx = new Array<number>(n).fill(0);
  let C = 0;
  let D = 0;
  let T = 0;
  let tiedTime = 0;
  let tiedBoth = 0;
  for (let i = 0; i < n; i++) {
    if (!event[i]) continue;
    const w = weightOf(time[i]!);
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const comparable = time[j]! > time[i]! || (time[j] === time[i] && !event[j]);
      if (comparable) {
        const kind = score[i]! > score[j]! ? c : score[i]! < score[j]! ? d : tx;
        kind[i]! += w;
        kind[j]! += w;
        if (kind === c) C += w;
        else if (kind === d) D += w;
        else T += w;
      } else if (time[j] === time[i] && event[j] && j > i) {
        if (score[i] === score[j]) tiedBoth += w;
        else tiedTime += w;
      }
    }
  }
  const N = C + D + T;
  const somers = (C - D) / N;
  let variance = 0;
  for (let k = 0; k < n; k++) {
    const dfbeta = (c[k]! - d[k]!) / N - (somers / N) * (c[k]! + d[k]! + tx[k]!);
    variance += (dfbeta * dfbeta) / 4;
  }
  return {
    estimate: (C + T / 2) / N,
    se: Math.sqrt(variance),
    concordant: C,
    discordant: D,
    tiedRisk: T,
    tiedTime,
    tiedBoth,
  };
}

export function aurocBrute(score: number[], label: number[]) {
  const cases = score.filter((_, i) => label[i] === 1);
  const controls = score.filter((_, i) => label[i] === 0);
  const psi = (x: number, y: number) => (x > y ? 1 : x === y ? 0.5 : 0);
  const v10 = cases.map((x) => controls.reduce((s, y) => s + psi(x, y), 0) / controls.length);
  const v01 = controls.map((y) => cases.reduce((s, x) => s + psi(x, y), 0) / cases.length);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const variance = (v: number[]) => v.reduce((s, x) => s + (x - mean(v)) ** 2, 0) / (v.length - 1);
  return {
    estimate: mean(v10),
    se: Math.sqrt(variance(v10) / cases.length + variance(v01) / controls.length),
    v10,
    v01,
  };
}

/** Small deterministic generator for property tests. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
