// `dangan labels boxes`: the printable labels of an intake batch's boxes
// (D-8.5) — barcode and QR code, project, client, box number, items — as a PDF
// file, for a label printer that is not on the web.
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { systemActor } from "@dangan/domain";
import { Command } from "commander";
import { z } from "zod";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { withServices } from "../lib/context.ts";
import { validate } from "../lib/validate.ts";

const labelsSchema = z
  .object({
    batch: z.uuid(),
    out: z
      .string()
      .trim()
      .min(1)
      .regex(/\.pdf$/i, "the file name ends in .pdf"),
    box: z.array(z.uuid()).optional(),
  })
  .strict();

export function labelsCommand(cli: Cli): Command {
  const labels = new Command("labels").description("Printable labels: boxes");
  labels
    .command("boxes")
    .description("Write the box labels of an intake batch (barcode and QR code) to a PDF file")
    .option("--batch <id>", "(required) the intake batch")
    .option("--out <file.pdf>", "(required) where to write the PDF")
    .option("--box <id>", "only this box (repeatable)", (v: string, prev: string[] = []) => [...prev, v])
    .action(
      action(cli, async (_opts: object, cmd: Command) => {
        const o = optionsOf<{ batch?: string; out?: string; box?: string[] }>(cmd);
        const input = validate(labelsSchema, {
          batch: o.batch,
          out: o.out,
          ...(o.box ? { box: o.box } : {}),
        });
        return withServices(o, cli.io, async (s) => {
          const { pdf, boxes } = await s.intakeLabels(
            systemActor("dangan labels boxes"),
            input.batch,
            input.box,
          );
          const file = resolve(input.out);
          await writeFile(file, pdf);
          cli.io.out(`${file}: ${boxes} label(s), ${pdf.length} bytes`);
          return 0;
        });
      }),
    );
  return labels;
}
