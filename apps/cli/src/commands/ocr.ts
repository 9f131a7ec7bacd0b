// `dangan ocr run --delivery <id>`: reads the full text of a checked QC delivery
// (Z-7.4, D-10.1) as the operator — the same job the server queues when a
// delivery is checked: one page at a time on one OCR worker; pages already
// read are kept unless --redo.
import { systemActor } from "@dangan/domain";
import { Command } from "commander";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { withServices } from "../lib/context.ts";
import { EXIT, refuse } from "../lib/io.ts";

interface RunOptions {
  delivery?: string;
  redo?: boolean;
}

export function ocrCommand(cli: Cli): Command {
  const ocr = new Command("ocr").description("Full text of digitized pages (Z-7.4, D-10.1): offline OCR");
  ocr
    .command("run")
    .description("Read the text of every image page of a checked delivery (pages already read are kept)")
    .option("--delivery <id>", "(required) the delivery id (see the QC delivery page)")
    .option("--redo", "read every page again", false)
    .action(
      action(cli, async (_opts: object, cmd: Command) => {
        const o = optionsOf<RunOptions>(cmd);
        if (!o.delivery || !/^[0-9a-f-]{36}$/i.test(o.delivery.trim()))
          throw refuse("--delivery is required (the delivery id)");
        const id = o.delivery.trim().toLowerCase();
        return withServices(o, cli.io, async (s) => {
          const started = Date.now();
          await s.pageText.start(systemActor("dangan ocr run"), id, { redo: o.redo === true });
          const tick = setInterval(() => {
            const live = s.pageText.runner.live.get(id);
            if (live) cli.io.progress(`read ${live.processedPages} / ${live.totalPages} pages…`);
          }, 500);
          try {
            await s.pageText.idle();
          } finally {
            clearInterval(tick);
            cli.io.progress("");
            await s.pageText.shutdown();
          }
          const job = await s.db
            .selectFrom("pageTextJob")
            .selectAll()
            .where("deliveryId", "=", id)
            .executeTakeFirstOrThrow();
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          if (job.status !== "done") {
            const e = job.error ?? {
              code: job.status,
              message: { zh: "全文识别未完成", en: "The OCR did not finish" },
            };
            cli.io.err(`✗ ${e.code}: ${e.message.zh} / ${e.message.en}`);
            return EXIT.FAILED;
          }
          cli.io.out(
            `Delivery ${id}: ${job.processedPages} of ${job.totalPages} pages read in ${seconds} s, ${job.failedPages} unreadable.`,
          );
          return EXIT.OK;
        });
      }),
    );
  return ocr;
}
