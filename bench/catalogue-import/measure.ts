// Wall time and peak resident memory of one phase (RSS sampled every 50 ms).
import { performance } from "node:perf_hooks";

export interface Measured<T> {
  value: T;
  seconds: number;
  peakRssMb: number;
  startRssMb: number;
}

const mb = (b: number) => Math.round(b / 1048576);

export async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
  (globalThis as { gc?: () => void }).gc?.();
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const t0 = performance.now();
  try {
    const value = await work();
    const seconds = (performance.now() - t0) / 1000;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, seconds, peakRssMb: mb(peak), startRssMb: mb(startRss) };
  } finally {
    clearInterval(timer);
  }
}
