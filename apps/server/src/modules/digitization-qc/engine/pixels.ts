// Measurements on a small greyscale rendering of a page: the share of ink
// (blank-page check) and the skew angle by projection profiles — the angle at
// which the rows of ink line up best (DA/T 31-2017 10.2, 10.5).

export interface PixelFacts {
  inkPct: number;
  /** Degrees; positive = the text runs uphill to the right. null when there is too little ink to tell. */
  skewDeg: number | null;
}

const INK = 128;
const MAX_POINTS = 3_000;
const MIN_POINTS = 200;

function profileEnergy(
  xs: Int32Array,
  ys: Int32Array,
  n: number,
  deg: number,
  bins: Int32Array,
  offset: number,
) {
  const a = (deg * Math.PI) / 180;
  const s = Math.sin(a);
  const c = Math.cos(a);
  bins.fill(0);
  for (let i = 0; i < n; i++) bins[Math.round(ys[i]! * c + xs[i]! * s) + offset]!++;
  let e = 0;
  for (let i = 0; i < bins.length; i++) e += bins[i]! * bins[i]!;
  return e;
}

export function analysePixels(grey: Uint8Array, width: number, height: number, maxDeg = 8): PixelFacts {
  let ink = 0;
  for (let i = 0; i < grey.length; i++) if (grey[i]! < INK) ink++;
  const inkPct = (ink / Math.max(1, grey.length)) * 100;
  if (ink < MIN_POINTS) return { inkPct, skewDeg: null };
  const step = Math.max(1, Math.ceil(ink / MAX_POINTS));
  const n = Math.ceil(ink / step);
  const xs = new Int32Array(n);
  const ys = new Int32Array(n);
  let k = 0;
  let seen = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (grey[y * width + x]! < INK && seen++ % step === 0 && k < n) {
        xs[k] = x;
        ys[k] = y;
        k++;
      }
  const offset = width + height;
  const bins = new Int32Array(2 * offset + 1);
  // Coarse to fine: 2° steps over the range, then 0.5° and 0.1° around the best.
  let best = 0;
  let bestE = -1;
  const scan = (from: number, to: number, step: number) => {
    for (let d = from; d <= to + 1e-9; d += step) {
      const e = profileEnergy(xs, ys, k, d, bins, offset);
      if (e > bestE) [best, bestE] = [d, e];
    }
  };
  scan(-maxDeg, maxDeg, 2);
  scan(best - 2, best + 2, 0.5);
  scan(best - 0.5, best + 0.5, 0.1);
  return { inkPct, skewDeg: Math.round(best * 100) / 100 };
}
