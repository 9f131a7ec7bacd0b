// The offline OCR against the generated test set (Z-7.3, Z-6.1, D-10.8): pages
// with a mark in several fonts, sizes, places, rotations, colours and noise, and
// clean pages with near-misses. Recall must be 100 %, precision at least 95 %.
import { findClassificationMarks } from "@dangan/domain";
import { afterAll, describe, expect, it } from "vitest";
import { OcrPool } from "../../src/modules/page-intelligence/ocr/ocr-pool.ts";
import { markedPageSet } from "../support/marked-pages.ts";

const pool = new OcrPool(2);
afterAll(() => pool.close());

describe("classification-mark screening on the generated set", () => {
  it("[Z-7.3] finds every mark and raises at most 5 % false alarms", async () => {
    const pages = await markedPageSet(48, 150);
    const reads = await pool.readAll(pages, (p) => ({ input: p.png, mode: "screen" as const }));
    let tp = 0;
    let fp = 0;
    const missed: string[] = [];
    reads.forEach((r, i) => {
      const p = pages[i]!;
      const hits = findClassificationMarks(r.lines);
      if (p.mark && hits.length) tp++;
      else if (p.mark) missed.push(`${p.id} ${p.mark} ${JSON.stringify(p.variant)}`);
      else if (hits.length) fp++;
    });
    const positives = pages.filter((p) => p.mark).length;
    const recall = tp / positives;
    const precision = tp / Math.max(1, tp + fp);
    console.log(
      `mark screening: recall ${(recall * 100).toFixed(1)} %, precision ${(precision * 100).toFixed(1)} %`,
    );
    expect(missed).toEqual([]);
    expect(recall).toBe(1);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });

  it("[Z-7.3] reads the mark's level and period and places it where it was drawn", async () => {
    const [p] = await markedPageSet(1, 150, 7);
    const r = await pool.read({ input: p!.png, mode: "screen" });
    const [hit] = findClassificationMarks(r.lines);
    expect(`${hit!.level}★${hit!.period}`).toBe(p!.mark);
    // The region lies inside the page and is about one line high.
    expect(hit!.bounds.x + hit!.bounds.width).toBeLessThanOrEqual(r.width + 1);
    expect(hit!.bounds.height).toBeLessThan(r.height / 10);
  });
});
