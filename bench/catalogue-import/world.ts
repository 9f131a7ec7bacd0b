// A fresh database in the mode under test, the real services on it, and one
// custody project per measured import (each project already holds a small
// catalogue, so the reference-code lookups against held rows run).
import { mkdtempSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DbHandle, type DbMode, migrate, openDatabase } from "@dangan/db";
import { createTestDatabase } from "@dangan/db/testing";
import { systemActor } from "@dangan/domain";
import { BlobStore, createServices, loadClauses, loadConfig, type Services } from "@dangan/server";
import { HEADER, row } from "./generate.ts";

export const OPERATOR = systemActor("bench catalogue-import");

export interface World {
  dbh: DbHandle;
  services: Services;
  dir: string;
  clientOrgId: string;
  agencyOrgId: string;
  project(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openWorld(mode: DbMode, writeMethod?: "copy" | "insert"): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), "dangan-bench-catalogue-"));
  // Embedded on disk (as `dangan serve` runs it), so the engine does not keep every page in memory.
  const dbh =
    mode === "embedded"
      ? await openDatabase({ dataDir: join(dir, "pg") })
      : await createTestDatabase("postgres");
  await migrate(dbh.db);
  const config = loadConfig(
    { DANGAN_SECRET: "33".repeat(32) },
    { dataDir: dir, blobDir: join(dir, "blobs") },
  );
  config.catalogues.writeMethod = writeMethod;
  const services = createServices({
    dbh,
    config,
    blobs: new BlobStore(config.blobDir),
    clauses: loadClauses(),
  });
  const client = await services.organisations.create(OPERATOR, {
    kind: "client",
    name: "基准测试委托单位",
    district: "jiading",
  });
  const agency = await services.organisations.create(OPERATOR, {
    kind: "agency",
    name: "基准测试托管公司",
    district: "jiading",
    serviceTypes: ["custody"],
    licenceNumber: "310114000000001",
  });
  let n = 0;
  return {
    dbh,
    services,
    dir,
    clientOrgId: client.id,
    agencyOrgId: agency.id,
    async project(name) {
      const p = await services.projects.create(OPERATOR, {
        name,
        clientOrgId: client.id,
        agencyOrgId: agency.id,
        serviceType: "custody",
        hasClassified: false,
        hasNationalScope: false,
        responsibleLeader: "基准",
        responsibleDepartment: "档案室",
      });
      // 1,000 rows already held, under another fonds code.
      const fonds = `H${String(++n).padStart(3, "0")}`;
      const held = `${HEADER.join(",")}\r\n${Array.from({ length: 1000 }, (_, i) => row(i, fonds).cells.join(",")).join("\r\n")}\r\n`;
      const job = await services.catalogueImports.importFile(
        OPERATOR,
        p.id,
        { title: "已有目录" },
        await spill(dir, held),
        "held.csv",
      );
      if (job.status !== "succeeded")
        throw new Error(
          `held catalogue: ${JSON.stringify(job.error)} ${JSON.stringify(job.problems).slice(0, 600)}`,
        );
      return p.id;
    },
    async close() {
      await services.catalogueImports.shutdown();
      await dbh.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let spilled = 0;
async function spill(dir: string, text: string): Promise<string> {
  const path = join(dir, `held-${++spilled}.csv`);
  await writeFile(path, text);
  return path;
}
