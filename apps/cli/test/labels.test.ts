// `dangan labels boxes`: an intake batch's box labels (D-8.5) as a PDF file,
// from the command line, for a label printer off the web.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dangan, newTarget, type Target, withDb } from "./helpers.ts";

const mode = testDbMode();
let t: Target;
const cli = (args: string[]) => dangan([...args, ...t.args]);

describe(`dangan labels boxes (${mode})`, () => {
  beforeAll(async () => {
    t = await newTarget(mode);
    expect((await cli(["demo"])).code).toBe(0);
  }, 180_000);
  afterAll(() => t.dispose());

  it("[D-8.5] writes the labels of a batch's boxes, with a barcode and a QR code each", async () => {
    const batch = await withDb(t, (h) =>
      h.db.selectFrom("intakeBatch").select(["id", "code"]).orderBy("code").executeTakeFirstOrThrow(),
    );
    const out = join(t.dataDir, "labels.pdf");
    const r = await cli(["labels", "boxes", "--batch", batch.id, "--out", out]);
    expect(r.code).toBe(0);
    const boxes = await withDb(t, (h) =>
      h.db
        .selectFrom("intakeBox")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("batchId", "=", batch.id)
        .executeTakeFirstOrThrow(),
    );
    const n = Number(boxes.n);
    expect(n).toBeGreaterThan(0);
    expect(r.out).toMatch(new RegExp(`${n} label\\(s\\)`));
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Two images per label (Code 128 and QR), each written with its soft mask.
    expect(pdf.toString("latin1").split("/Subtype /Image").length - 1).toBe(4 * n);
  });

  it("refuses an unknown batch and a file name that is not a PDF (exit 2)", async () => {
    const unknown = await cli([
      "labels",
      "boxes",
      "--batch",
      "00000000-0000-4000-8000-000000000000",
      "--out",
      join(t.dataDir, "x.pdf"),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/NOT_FOUND/);
    const bad = await cli([
      "labels",
      "boxes",
      "--batch",
      "00000000-0000-4000-8000-000000000000",
      "--out",
      "x.txt",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--out/);
  });
});
