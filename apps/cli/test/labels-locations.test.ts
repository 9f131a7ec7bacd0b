// `dangan labels locations` (D-9.1): the vault's location labels as a PDF file,
// from the demo world; refused (exit 2) for an unknown vault.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dangan, newTarget, type Target } from "./helpers.ts";

const mode = testDbMode();
let t: Target;
const cli = (args: string[]) => dangan([...args, ...t.args]);
const pages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g) ?? []).length;

describe(`dangan labels locations (${mode})`, () => {
  beforeAll(async () => {
    t = await newTarget(mode);
    expect((await cli(["demo"])).code).toBe(0);
  }, 180_000);
  afterAll(() => t.dispose());

  it("[D-9.1] writes a vault's location labels, 24 to a page, filtered by row", async () => {
    const out = join(t.dataDir, "labels.pdf");
    const all = await cli(["labels", "locations", "--vault", "A", "--out", out]);
    expect(all.code).toBe(0);
    expect(all.err).toMatch(/240 labels for vault A/);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pages(pdf)).toBe(10);
    const row = await cli([
      "labels",
      "locations",
      "--vault",
      "A",
      "--agency",
      "上海安存档案寄存托管有限公司（演示）",
      "--row",
      "2",
      "--out",
      out,
    ]);
    expect(row.err).toMatch(/60 labels/);
    expect(pages(readFileSync(out))).toBe(3);
  });

  it("[D-9.1] refuses an unknown vault or a bad zone (exit 2)", async () => {
    const out = join(t.dataDir, "x.pdf");
    expect((await cli(["labels", "locations", "--vault", "ZZ", "--out", out])).code).toBe(2);
    const zone = await cli(["labels", "locations", "--vault", "A", "--zone", "moon", "--out", out]);
    expect(zone.code).toBe(2);
    expect(zone.err).toMatch(/--zone/);
  });
});
