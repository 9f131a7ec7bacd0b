// Z-7.4, Z-7.3: the first delivery of the demo batch B-001, a dozen small
// generated pages checked through the real service: one skewed, one blank,
// one under 200 dpi, a sequence gap, and the stopped construction log that QC
// never accepts. Three pages carry a letterhead and text, so the background
// full-text job has words to find (Z-7.4). Images are written under the QC
// folder so previews work.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { loadUserActor } from "../modules/auth/actor.repository.ts";
import type { Services } from "../services.ts";
import { demoPageSvg } from "./demo-page.ts";

const V = (n: number, year = 2008) => `Z109-KJ·${year}-Y-JJ-000${n}`;

function svg(seed: number, o: { skew?: number; blank?: boolean } = {}): Buffer {
  const lines = o.blank
    ? ""
    : Array.from(
        { length: 14 },
        (_, i) =>
          `<rect x="24" y="${30 + i * 16}" width="${90 + ((seed * 37 + i * 53) % 60)}" height="5" fill="#222"/>`,
      ).join("");
  const seal = o.blank ? "" : `<circle cx="150" cy="240" r="18" fill="none" stroke="#c00" stroke-width="4"/>`;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="280"><rect width="100%" height="100%" fill="#fbfaf5"/>` +
      `<g transform="rotate(${-(o.skew ?? 0)} 100 140)">${lines}${seal}</g></svg>`,
  );
}

const tiff = (seed: number, dpi = 300, o: { skew?: number; blank?: boolean } = {}) =>
  sharp(svg(seed, o))
    .flatten({ background: "#ffffff" })
    .tiff({ compression: "lzw", xres: dpi / 25.4, yres: dpi / 25.4 })
    .toBuffer();

/** A text page at 300 dpi (A4, 2480×3508), as a scanner writes it: RGB, LZW. */
const textTiff = (title: string) =>
  sharp(Buffer.from(demoPageSvg({ title })), { density: 144 })
    .flatten({ background: "#ffffff" })
    .removeAlpha()
    .tiff({ compression: "lzw", xres: 300 / 25.4, yres: 300 / 25.4 })
    .toBuffer();

export async function seedDigitizationQcDemo(s: Services): Promise<void> {
  const batch = await s.db
    .selectFrom("digitizationBatch as b")
    .innerJoin("project as p", "p.id", "b.projectId")
    .select(["b.id"])
    .where("b.code", "=", "B-001")
    .where("p.name", "=", "基建档案数字化加工（一期）")
    .executeTakeFirst();
  const manager = await s.db
    .selectFrom("appUser")
    .select("id")
    .where("username", "=", "digit.manager")
    .executeTakeFirst();
  if (!batch || !manager) return;
  const actor = await loadUserActor(s.db, manager.id);
  if (!actor) return;
  const files: [string, Promise<Buffer>][] = [
    [`${V(1)}-0001.tif`, textTiff("城市道路改建工程竣工档案移交清单")],
    [`${V(1)}-0002.tif`, tiff(2, 300, { skew: 5 })],
    [`${V(1)}-0003.tif`, textTiff("排水管网建设工程监理月报")],
    [`${V(1)}-0004.tif`, tiff(4)],
    [`${V(2)}-0001.tif`, textTiff("桥梁维修加固工程施工日志")],
    [`${V(2)}-0002.tif`, tiff(6, 150)],
    [`${V(2)}-0003.tif`, tiff(7, 300, { blank: true })],
    [`${V(2)}-0004.tif`, tiff(8)],
    [`${V(4, 2009)}-0001.tif`, tiff(9)],
    [`${V(4, 2009)}-0002.tif`, tiff(10)],
    [`${V(4, 2009)}-0004.tif`, tiff(11)],
    [`${V(4, 2009)}-0005.tif`, tiff(12)],
  ];
  const dir = join(s.digitizationQc.deliveries.dir, "demo-B-001-1");
  await mkdir(dir, { recursive: true });
  for (const [name, data] of files) await writeFile(join(dir, name), await data);
  // The catalogue of this first delivery: its opening pages of each volume.
  const catalogue = [`${V(1)},4`, `${V(2)},4`, `${V(3)},2`, `${V(4, 2009)},5`].join("\n");
  await s.digitizationQc.deliveries.ingestFolder(actor, batch.id, dir, { catalogue });
}
