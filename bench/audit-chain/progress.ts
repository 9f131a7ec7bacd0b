// A progress line roughly every 10%, so long phases show they are alive.
import { performance } from "node:perf_hooks";

export function progress(label: string, total: number): (done: number) => void {
  const start = performance.now();
  let nextTenth = 1;
  return (done) => {
    if (done < (total * nextTenth) / 10) return;
    while (done >= (total * nextTenth) / 10) nextTenth++;
    const s = (performance.now() - start) / 1000;
    const pct = Math.floor((done / total) * 100);
    console.log(
      `  ${label}: ${pct}% (${done.toLocaleString("en")} events, ${s.toFixed(1)} s, ${rate(done, s)}/s)`,
    );
  };
}

export function rate(events: number, seconds: number): string {
  return Math.round(events / seconds).toLocaleString("en");
}
