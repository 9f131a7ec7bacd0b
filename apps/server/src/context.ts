// What services need: the database, the configuration, the blob store and the
// clause catalogue. Built once at start-up (app.ts) and passed down.

import type { DbHandle } from "@dangan/db";
import type { Clause } from "@dangan/domain";
import type { Config } from "./config.ts";
import type { BlobStore } from "./modules/attachments/blob-store.ts";

export interface Deps {
  dbh: DbHandle;
  config: Config;
  blobs: BlobStore;
  clauses: Clause[];
}
