// Vault entry log (D-9.9, D-9.10) of the victim agency.
import type { Victim } from "../../victim-world.ts";
import type { Expect } from "./types.ts";

const E = (v: Victim) => v.environment;

export const VAULT_ACCESS_MATRIX: Record<string, Expect> = {
  "GET /api/vault-access/vaults/:id/entries": {
    kind: "record",
    url: (v) => `/api/vault-access/vaults/${E(v).vaultId}/entries`,
  },
  "GET /api/vault-access/vaults/:id/entries/export.xlsx": {
    kind: "record",
    url: (v) => `/api/vault-access/vaults/${E(v).vaultId}/entries/export.xlsx`,
  },
  "GET /api/vault-access/inside": { kind: "list", url: () => "/api/vault-access/inside" },
  "GET /api/vault-access/vaults/:id/people": {
    kind: "record",
    url: (v) => `/api/vault-access/vaults/${E(v).vaultId}/people`,
  },
  "POST /api/vault-access/vaults/:id/entries": {
    kind: "record",
    url: (v) => `/api/vault-access/vaults/${E(v).vaultId}/entries`,
    body: (v) => ({ purpose: "越权", staffUserIds: v.inventory.keeperIds }),
  },
  "POST /api/vault-access/entries/:id/exit": {
    kind: "record",
    url: (v) => `/api/vault-access/entries/${E(v).entryId}/exit`,
    body: () => ({}),
  },
};
