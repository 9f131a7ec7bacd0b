// Every route × every role × a foreign organisation's data: nothing leaks.
// The matrix must name every route the app has; a new route without an entry
// fails this test until its access rule is stated here.
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { createVictim, type Victim } from "../victim-world.ts";
import { ACCEPTANCE_MATRIX } from "./matrix/acceptance.ts";
import { CATALOGUE_SEARCH_MATRIX } from "./matrix/catalogue-search.ts";
import { DIGITIZATION_ORIGINALS_MATRIX } from "./matrix/digitization-originals.ts";
import { DIGITIZATION_QC_MATRIX } from "./matrix/digitization-qc.ts";
import { DIGITIZATION_SITE_MATRIX } from "./matrix/digitization-site.ts";
import { OVERSIGHT_MATRIX } from "./matrix/oversight.ts";
import { PAGE_TEXT_MATRIX } from "./matrix/page-text.ts";
import { REGISTRY_MATRIX } from "./matrix/registry.ts";
import { RETRIEVAL_MATRIX } from "./matrix/retrieval.ts";
import { SCREENING_MATRIX } from "./matrix/screening.ts";
import type { Expect } from "./matrix/types.ts";
import { USE_SERVICES_MATRIX } from "./matrix/use-services.ts";
import { VAULT_ACCESS_MATRIX } from "./matrix/vault-access.ts";

const P = (v: Victim) => v.projectId;
const E = (v: Victim) => v.environment;
const I = (v: Victim) => v.inventory;
const F = (v: Victim) => v.facilities;
const ONE = { from: 1, to: 1 };
const EQUIPMENT = { kind: "dehumidifier", name: "越权", checkIntervalDays: 30 };

const MATRIX: Record<string, Expect> = {
  "GET /api/meta": { kind: "public" },
  "GET /api/health": { kind: "public" },
  "GET /*": { kind: "public" },
  "POST /api/auth/login": { kind: "public" },
  "GET /api/auth/session": { kind: "public" },
  "POST /api/auth/logout": { kind: "self" },
  "POST /api/auth/password": { kind: "self" },
  "GET /api/auth/tokens": { kind: "list", url: () => "/api/auth/tokens" },
  "POST /api/auth/tokens": { kind: "self" },
  "DELETE /api/auth/tokens/:id": { kind: "record", url: (v) => `/api/auth/tokens/${v.tokenId}` },
  "POST /api/auth/login/mfa": { kind: "public" },
  "GET /api/auth/mfa": { kind: "self" },
  "POST /api/auth/mfa/setup": { kind: "self" },
  "POST /api/auth/mfa/enable": { kind: "self" },
  "POST /api/auth/mfa/disable": { kind: "self" },

  "GET /api/organisations": { kind: "list", url: () => "/api/organisations?pageSize=200" },
  "GET /api/organisations/export.xlsx": { kind: "list", url: () => "/api/organisations/export.xlsx" },
  "GET /api/organisations/:id": {
    kind: "record",
    url: (v) => `/api/organisations/${v.clientId}`,
    ownerStatus: 200,
  },
  "POST /api/organisations": {
    kind: "record",
    url: () => "/api/organisations",
    body: () => ({ kind: "client", name: "越权创建", district: "chongming" }),
  },
  "PATCH /api/organisations/:id": {
    kind: "record",
    url: (v) => `/api/organisations/${v.clientId}`,
    body: () => ({ name: "改名" }),
  },

  "GET /api/users": { kind: "record", url: (v) => `/api/users?orgId=${v.clientId}`, ownerStatus: 200 },
  "POST /api/users": {
    kind: "record",
    url: () => "/api/users",
    body: (v) => ({
      orgId: v.clientId,
      username: "intruder",
      displayName: "x",
      roles: ["client_admin"],
      password: "0123456789ab",
    }),
  },
  "PATCH /api/users/:id": {
    kind: "record",
    url: (v) => `/api/users/${v.userId}`,
    body: () => ({ active: false }),
  },
  "POST /api/users/:id/unlock": { kind: "record", url: (v) => `/api/users/${v.userId}/unlock` },
  "POST /api/users/:id/mfa/reset": { kind: "record", url: (v) => `/api/users/${v.userId}/mfa/reset` },
  "POST /api/users/:id/password": {
    kind: "record",
    url: (v) => `/api/users/${v.userId}/password`,
    body: () => ({ password: "0123456789abc" }),
  },

  "GET /api/projects": { kind: "list", url: () => "/api/projects?pageSize=200" },
  "GET /api/projects/export.xlsx": { kind: "list", url: () => "/api/projects/export.xlsx" },
  "POST /api/projects": {
    kind: "record",
    url: () => "/api/projects",
    body: (v) => ({
      name: "越权",
      clientOrgId: v.clientId,
      agencyOrgId: v.agencyId,
      serviceType: "custody",
      hasClassified: false,
      hasNationalScope: false,
      responsibleLeader: "x",
      responsibleDepartment: "y",
    }),
  },
  "GET /api/projects/:id": { kind: "record", url: (v) => `/api/projects/${P(v)}`, ownerStatus: 200 },
  "PATCH /api/projects/:id": {
    kind: "record",
    url: (v) => `/api/projects/${P(v)}`,
    body: () => ({ name: "改名" }),
  },
  "POST /api/projects/:id/transitions": {
    kind: "record",
    url: (v) => `/api/projects/${P(v)}/transitions`,
    body: () => ({ action: "cancel" }),
  },
  "GET /api/projects/:id/contract": {
    kind: "record",
    url: (v) => `/api/projects/${P(v)}/contract`,
    ownerStatus: 200,
  },
  "PUT /api/projects/:id/contract": {
    kind: "record",
    url: (v) => `/api/projects/${P(v)}/contract`,
    body: () => ({ content: "篡改" }),
  },
  "POST /api/projects/:id/contract/sign": {
    kind: "record",
    url: (v) => `/api/projects/${P(v)}/contract/sign`,
    body: (v) => ({ signedDocumentId: v.attachmentId, signedOn: "2026-01-01" }),
  },
  "GET /api/projects/:id/ledger": {
    kind: "record",
    url: (v) => `/api/projects/${P(v)}/ledger`,
    ownerStatus: 200,
  },
  "GET /api/projects/:id/ledger/export.xlsx": {
    kind: "record",
    url: (v) => `/api/projects/${P(v)}/ledger/export.xlsx`,
    ownerStatus: 200,
  },
  "POST /api/projects/:id/ledger": {
    kind: "record",
    url: (v) => `/api/projects/${P(v)}/ledger`,
    body: () => ({ kind: "note", occurredOn: "2026-01-01", summary: "越权" }),
  },

  "GET /api/ledger/problems": { kind: "list", url: () => "/api/ledger/problems?pageSize=200" },

  "GET /api/attachments": {
    kind: "record",
    url: (v) => `/api/attachments?entityType=project&entityId=${P(v)}`,
    ownerStatus: 200,
  },
  "POST /api/attachments": {
    kind: "record",
    url: (v) => `/api/attachments?entityType=project&entityId=${P(v)}`,
  },
  "GET /api/attachments/:id/content": {
    kind: "record",
    url: (v) => `/api/attachments/${v.attachmentId}/content`,
    ownerStatus: 200,
  },

  "GET /api/confirmations": {
    kind: "record",
    url: (v) => `/api/confirmations?entityType=project&entityId=${P(v)}`,
    ownerStatus: 200,
  },
  "POST /api/confirmations": {
    kind: "record",
    url: () => "/api/confirmations",
    body: (v) => ({
      entityType: "project",
      entityId: P(v),
      documentKind: "contract",
      attachmentId: v.attachmentId,
    }),
  },
  "GET /api/confirmations/:id/bundle": {
    kind: "record",
    url: (v) => `/api/confirmations/${v.confirmationId}/bundle`,
    ownerStatus: 200,
  },

  "GET /api/audit": { kind: "list", url: () => "/api/audit?pageSize=200" },
  "GET /api/audit/export.xlsx": { kind: "list", url: () => "/api/audit/export.xlsx" },
  "GET /api/audit/trail": {
    kind: "record",
    url: (v) => `/api/audit/trail?entityType=project&entityId=${P(v)}`,
    ownerStatus: 200,
  },
  "POST /api/audit/verify": { kind: "global" },

  "GET /api/incidents": { kind: "list", url: () => "/api/incidents?pageSize=200" },
  "POST /api/incidents": {
    kind: "record",
    url: () => "/api/incidents",
    body: (v) => ({ projectId: P(v), kind: "other", severity: "minor", title: "越权" }),
  },
  "PATCH /api/incidents/:id": {
    kind: "record",
    url: (v) => `/api/incidents/${v.incidentId}`,
    body: () => ({ status: "closed", resolution: "x" }),
  },

  // Intake batches and boxes of the victim project (D-8.1 – D-8.10, D-9.11).
  "GET /api/intake/batches": { kind: "list", url: () => "/api/intake/batches?pageSize=200" },
  "GET /api/intake/batches/export.xlsx": { kind: "list", url: () => "/api/intake/batches/export.xlsx" },
  "POST /api/intake/batches": {
    kind: "record",
    url: () => "/api/intake/batches",
    body: (v) => ({ projectId: P(v), title: "越权", catalogueIds: [v.catalogue.catalogueId] }),
  },
  "GET /api/intake/catalogues": {
    kind: "record",
    url: (v) => `/api/intake/catalogues?projectId=${P(v)}`,
    ownerStatus: 200,
  },
  "GET /api/intake/batches/:id": {
    kind: "record",
    url: (v) => `/api/intake/batches/${v.intake.batchId}`,
    ownerStatus: 200,
  },
  "POST /api/intake/batches/:id/transitions": {
    kind: "record",
    url: (v) => `/api/intake/batches/${v.intake.batchId}/transitions`,
    body: () => ({ action: "finish_boxing", people: [] }),
  },
  "GET /api/intake/batches/:id/items": {
    kind: "record",
    url: (v) => `/api/intake/batches/${v.intake.batchId}/items`,
    ownerStatus: 200,
  },
  "POST /api/intake/batches/:id/boxes": {
    kind: "record",
    url: (v) => `/api/intake/batches/${v.intake.batchId}/boxes`,
    body: (v) => ({ kind: "transfer", itemIds: [v.intake.itemId] }),
  },
  "POST /api/intake/batches/:id/conditions": {
    kind: "record",
    url: (v) => `/api/intake/batches/${v.intake.batchId}/conditions`,
    body: (v) => ({ itemId: v.intake.itemId, condition: "good" }),
  },
  "POST /api/intake/conditions/:id/treatment": {
    kind: "record",
    url: (v) => `/api/intake/conditions/${v.intake.conditionId}/treatment`,
    body: () => ({ method: "越权", treatedOn: "2026-01-01", treatedBy: "x" }),
  },
  "POST /api/intake/batches/:id/repack-consent": {
    kind: "record",
    url: (v) => `/api/intake/batches/${v.intake.batchId}/repack-consent`,
  },
  "POST /api/intake/batches/:id/register/confirm": {
    kind: "record",
    url: (v) => `/api/intake/batches/${v.intake.batchId}/register/confirm`,
  },
  "GET /api/intake/batches/:id/labels.pdf": {
    kind: "record",
    url: (v) => `/api/intake/batches/${v.intake.batchId}/labels.pdf`,
    ownerStatus: 200,
  },
  "GET /api/intake/batches/:id/locations": {
    kind: "record",
    url: (v) => `/api/intake/batches/${v.intake.batchId}/locations`,
  },
  "POST /api/intake/batches/:id/content-access": {
    kind: "record",
    url: (v) => `/api/intake/batches/${v.intake.batchId}/content-access`,
    body: () => ({}),
  },
  "DELETE /api/intake/batches/:id/content-access": {
    kind: "record",
    url: (v) => `/api/intake/batches/${v.intake.batchId}/content-access`,
  },
  "GET /api/intake/batches/:id/content": {
    kind: "record",
    url: (v) => `/api/intake/batches/${v.intake.batchId}/content?itemId=${v.intake.itemId}`,
    ownerStatus: 200,
  },
  "POST /api/intake/batches/:id/content": {
    kind: "record",
    url: (v) => `/api/intake/batches/${v.intake.batchId}/content?itemId=${v.intake.itemId}`,
  },
  "GET /api/intake/content/:id": {
    kind: "record",
    url: (v) => `/api/intake/content/${v.intake.contentId}`,
    ownerStatus: 200,
  },
  "GET /api/boxes": { kind: "list", url: () => "/api/boxes?pageSize=200" },
  "GET /api/boxes/export.xlsx": { kind: "list", url: () => "/api/boxes/export.xlsx" },
  "GET /api/boxes/:id": { kind: "record", url: (v) => `/api/boxes/${v.intake.boxId}`, ownerStatus: 200 },
  "POST /api/boxes/:id/seal": {
    kind: "record",
    url: (v) => `/api/boxes/${v.intake.boxId}/seal`,
    body: () => ({ sealNumber: "越权", outsideOk: true }),
  },
  "POST /api/boxes/:id/inspection": {
    kind: "record",
    url: (v) => `/api/boxes/${v.intake.boxId}/inspection`,
    body: () => ({ sealIntact: true, damaged: false }),
  },
  "POST /api/boxes/:id/shelve": {
    kind: "record",
    url: (v) => `/api/boxes/${v.intake.boxId}/shelve`,
    body: (v) => ({ locationId: v.facilities.locationId }),
  },

  // Facilities of the victim agency (sites, vaults, equipment, staff, locations).
  "GET /api/sites": { kind: "list", url: () => "/api/sites?pageSize=200" },
  "GET /api/sites/export.xlsx": { kind: "list", url: () => "/api/sites/export.xlsx" },
  "POST /api/sites": {
    kind: "record",
    url: () => "/api/sites",
    body: (v) => ({ agencyOrgId: v.agencyId, name: "越权场地" }),
  },
  "GET /api/sites/:id": { kind: "record", url: (v) => `/api/sites/${F(v).siteId}`, ownerStatus: 200 },
  "PATCH /api/sites/:id": {
    kind: "record",
    url: (v) => `/api/sites/${F(v).siteId}`,
    body: () => ({ name: "改名" }),
  },
  "DELETE /api/sites/:id": { kind: "record", url: (v) => `/api/sites/${F(v).siteId}` },
  "POST /api/sites/:id/rooms": {
    kind: "record",
    url: (v) => `/api/sites/${F(v).siteId}/rooms`,
    body: () => ({ roomFunction: "office", name: "越权" }),
  },
  "PATCH /api/rooms/:id": {
    kind: "record",
    url: (v) => `/api/rooms/${F(v).roomId}`,
    body: () => ({ name: "改名" }),
  },
  "DELETE /api/rooms/:id": { kind: "record", url: (v) => `/api/rooms/${F(v).roomId}` },
  "POST /api/sites/:id/cameras": {
    kind: "record",
    url: (v) => `/api/sites/${F(v).siteId}/cameras`,
    body: () => ({ code: "X1", covers: ["lift"], recordingAllDay: true }),
  },
  "PATCH /api/cameras/:id": {
    kind: "record",
    url: (v) => `/api/cameras/${F(v).cameraId}`,
    body: () => ({ code: "X2" }),
  },
  "DELETE /api/cameras/:id": { kind: "record", url: (v) => `/api/cameras/${F(v).cameraId}` },
  "POST /api/sites/:id/fire-alarms": {
    kind: "record",
    url: (v) => `/api/sites/${F(v).siteId}/fire-alarms`,
    body: () => ({ code: "X1", detector: "smoke", covers: ["lift"] }),
  },
  "PATCH /api/fire-alarms/:id": {
    kind: "record",
    url: (v) => `/api/fire-alarms/${F(v).fireAlarmId}`,
    body: () => ({ code: "X2" }),
  },
  "DELETE /api/fire-alarms/:id": { kind: "record", url: (v) => `/api/fire-alarms/${F(v).fireAlarmId}` },
  "POST /api/sites/:id/equipment": {
    kind: "record",
    url: (v) => `/api/sites/${F(v).siteId}/equipment`,
    body: () => EQUIPMENT,
  },
  "GET /api/vaults": { kind: "list", url: () => "/api/vaults?pageSize=200" },
  "GET /api/vaults/export.xlsx": { kind: "list", url: () => "/api/vaults/export.xlsx" },
  "POST /api/vaults": {
    kind: "record",
    url: () => "/api/vaults",
    body: (v) => ({ siteId: F(v).siteId, code: "X1", name: "越权库房" }),
  },
  "GET /api/vaults/:id": { kind: "record", url: (v) => `/api/vaults/${F(v).vaultId}`, ownerStatus: 200 },
  "PATCH /api/vaults/:id": {
    kind: "record",
    url: (v) => `/api/vaults/${F(v).vaultId}`,
    body: () => ({ name: "改名" }),
  },
  "DELETE /api/vaults/:id": { kind: "record", url: (v) => `/api/vaults/${F(v).vaultId}` },
  "POST /api/vaults/:id/key-holders": {
    kind: "record",
    url: (v) => `/api/vaults/${F(v).vaultId}/key-holders`,
    body: (v) => ({ userId: v.userId, device: "key" }),
  },
  "DELETE /api/vaults/:id/key-holders/:userId": {
    kind: "record",
    url: (v) => `/api/vaults/${F(v).vaultId}/key-holders/${v.userId}`,
  },
  "GET /api/vaults/:id/compliance": {
    kind: "record",
    url: (v) => `/api/vaults/${F(v).vaultId}/compliance`,
    ownerStatus: 200,
  },
  "GET /api/agencies/:id/compliance": {
    kind: "record",
    url: (v) => `/api/agencies/${v.agencyId}/compliance`,
    ownerStatus: 200,
  },
  "GET /api/compliance/agencies": { kind: "list", url: () => "/api/compliance/agencies" },
  "GET /api/equipment": { kind: "list", url: () => "/api/equipment?pageSize=200" },
  "GET /api/equipment/export.xlsx": { kind: "list", url: () => "/api/equipment/export.xlsx" },
  "POST /api/vaults/:id/equipment": {
    kind: "record",
    url: (v) => `/api/vaults/${F(v).vaultId}/equipment`,
    body: () => EQUIPMENT,
  },
  "PATCH /api/equipment/:id": {
    kind: "record",
    url: (v) => `/api/equipment/${F(v).equipmentId}`,
    body: () => ({ name: "改名" }),
  },
  "GET /api/equipment/:id/maintenance": {
    kind: "record",
    url: (v) => `/api/equipment/${F(v).equipmentId}/maintenance`,
    ownerStatus: 200,
  },
  "POST /api/equipment/:id/maintenance": {
    kind: "record",
    url: (v) => `/api/equipment/${F(v).equipmentId}/maintenance`,
    body: () => ({ kind: "check", performedOn: "2026-01-01", performedByName: "越权", result: "ok" }),
  },
  "GET /api/staff": { kind: "list", url: () => "/api/staff?pageSize=200" },
  "GET /api/staff/export.xlsx": { kind: "list", url: () => "/api/staff/export.xlsx" },
  "POST /api/staff": {
    kind: "record",
    url: () => "/api/staff",
    body: (v) => ({ agencyOrgId: v.agencyId, name: "越权", titleLevel: "none", archiveProfessional: false }),
  },
  "GET /api/staff/:id": { kind: "record", url: (v) => `/api/staff/${F(v).staffId}`, ownerStatus: 200 },
  "PATCH /api/staff/:id": {
    kind: "record",
    url: (v) => `/api/staff/${F(v).staffId}`,
    body: () => ({ name: "改名" }),
  },
  "POST /api/staff/:id/trainings": {
    kind: "record",
    url: (v) => `/api/staff/${F(v).staffId}/trainings`,
    body: () => ({ heldOn: "2026-01-01", course: "越权", hours: 1 }),
  },
  "POST /api/vaults/:id/locations/generate": {
    kind: "record",
    url: (v) => `/api/vaults/${F(v).vaultId}/locations/generate`,
    body: () => ({
      ranges: [
        { rows: ONE, columns: ONE, sections: ONE, shelves: { from: 9, to: 9 }, zone: "paper", capacity: 1 },
      ],
    }),
  },
  "GET /api/vaults/:id/locations": {
    kind: "record",
    url: (v) => `/api/vaults/${F(v).vaultId}/locations`,
    ownerStatus: 200,
  },
  "GET /api/vaults/:id/locations/export.xlsx": {
    kind: "record",
    url: (v) => `/api/vaults/${F(v).vaultId}/locations/export.xlsx`,
    ownerStatus: 200,
  },
  "GET /api/vaults/:id/locations/labels.pdf": {
    kind: "record",
    url: (v) => `/api/vaults/${F(v).vaultId}/locations/labels.pdf`,
    ownerStatus: 200,
  },
  "GET /api/vaults/:id/map": {
    kind: "record",
    url: (v) => `/api/vaults/${F(v).vaultId}/map`,
    ownerStatus: 200,
  },
  "GET /api/locations/:id/boxes": {
    kind: "record",
    url: (v) => `/api/locations/${F(v).locationId}/boxes`,
    ownerStatus: 200,
  },
  "PATCH /api/locations/:id": {
    kind: "record",
    url: (v) => `/api/locations/${F(v).locationId}`,
    body: () => ({ capacity: 5 }),
  },

  // Inventory checks (D-9.8) of the victim agency, its movement register and statistics.
  "GET /api/inventory/options": { kind: "list", url: () => "/api/inventory/options" },
  "GET /api/inventory/shortfall": { kind: "list", url: () => "/api/inventory/shortfall" },
  "GET /api/inventory/plans": { kind: "list", url: () => "/api/inventory/plans" },
  "POST /api/inventory/plans": {
    kind: "record",
    url: () => "/api/inventory/plans",
    body: (v) => ({
      vaultId: I(v).vaultId,
      title: "越权",
      method: "full",
      periodMonths: 6,
      nextDueOn: "2026-12-31",
    }),
  },
  "PATCH /api/inventory/plans/:id": {
    kind: "record",
    url: (v) => `/api/inventory/plans/${I(v).planId}`,
    body: () => ({ title: "改名" }),
  },
  "GET /api/inventory/checks": { kind: "list", url: () => "/api/inventory/checks?pageSize=200" },
  "POST /api/inventory/checks": {
    kind: "record",
    url: () => "/api/inventory/checks",
    body: (v) => ({ planId: I(v).planId, staffUserIds: I(v).keeperIds }),
  },
  "GET /api/inventory/checks/:id": { kind: "record", url: (v) => `/api/inventory/checks/${I(v).checkId}` },
  "GET /api/inventory/checks/:id/results/export.xlsx": {
    kind: "record",
    url: (v) => `/api/inventory/checks/${I(v).checkId}/results/export.xlsx`,
  },
  "POST /api/inventory/checks/:id/shelf": {
    kind: "record",
    url: (v) => `/api/inventory/checks/${I(v).checkId}/shelf`,
    body: () => ({ locationBarcode: "VX-1" }),
  },
  "POST /api/inventory/checks/:id/shelf/close": {
    kind: "record",
    url: (v) => `/api/inventory/checks/${I(v).checkId}/shelf/close`,
  },
  "POST /api/inventory/checks/:id/scans": {
    kind: "record",
    url: (v) => `/api/inventory/checks/${I(v).checkId}/scans`,
    body: () => ({ barcode: "VICTIM-BOX-ZORKMID" }),
  },
  "POST /api/inventory/checks/:id/findings": {
    kind: "record",
    url: (v) => `/api/inventory/checks/${I(v).checkId}/findings`,
    body: () => ({ barcode: "VICTIM-BOX-ZORKMID", kind: "mould", note: "越权" }),
  },
  "POST /api/inventory/checks/:id/complete": {
    kind: "record",
    url: (v) => `/api/inventory/checks/${I(v).checkId}/complete`,
  },
  "POST /api/inventory/results/:id/reshelve": {
    kind: "record",
    url: (v) => `/api/inventory/results/${I(v).resultId}/reshelve`,
  },
  "GET /api/movements": { kind: "list", url: () => "/api/movements?pageSize=200" },
  "GET /api/movements/facets": { kind: "list", url: () => "/api/movements/facets" },
  "GET /api/movements/export.xlsx": { kind: "list", url: () => "/api/movements/export.xlsx" },
  "GET /api/statistics/holdings": { kind: "list", url: () => "/api/statistics/holdings?by=vault" },
  "GET /api/statistics/holdings/export.xlsx": {
    kind: "list",
    url: () => "/api/statistics/holdings/export.xlsx?by=vault",
  },
  "GET /api/statistics/movements": { kind: "list", url: () => "/api/statistics/movements" },
  "GET /api/statistics/movements/export.xlsx": {
    kind: "list",
    url: () => "/api/statistics/movements/export.xlsx",
  },
  "GET /api/statistics/use": { kind: "list", url: () => "/api/statistics/use" },
  "GET /api/statistics/use/export.xlsx": { kind: "list", url: () => "/api/statistics/use/export.xlsx" },
  "GET /api/statistics/reconciliation": { kind: "list", url: () => "/api/statistics/reconciliation" },

  "GET /api/projects/:id/catalogues": {
    kind: "record",
    url: (v) => `/api/projects/${P(v)}/catalogues`,
    ownerStatus: 200,
  },
  "POST /api/projects/:id/catalogue-imports": {
    kind: "record",
    url: (v) => `/api/projects/${P(v)}/catalogue-imports`,
  },
  "GET /api/projects/:id/catalogue-imports": {
    kind: "record",
    url: (v) => `/api/projects/${P(v)}/catalogue-imports`,
    ownerStatus: 200,
  },
  "GET /api/catalogue-imports/:id": {
    kind: "record",
    url: (v) => `/api/catalogue-imports/${v.catalogue.importId}`,
    ownerStatus: 200,
  },
  "GET /api/catalogue-imports/:id/problems.xlsx": {
    kind: "record",
    url: (v) => `/api/catalogue-imports/${v.catalogue.importId}/problems.xlsx`,
    ownerStatus: 200,
  },
  "GET /api/catalogues/:id": {
    kind: "record",
    url: (v) => `/api/catalogues/${v.catalogue.catalogueId}`,
    ownerStatus: 200,
  },
  "GET /api/catalogues/:id/items": {
    kind: "record",
    url: (v) => `/api/catalogues/${v.catalogue.catalogueId}/items`,
    ownerStatus: 200,
  },
  "GET /api/catalogues/:id/items/export.xlsx": {
    kind: "record",
    url: (v) => `/api/catalogues/${v.catalogue.catalogueId}/items/export.xlsx`,
    ownerStatus: 200,
  },
  "GET /api/catalogues/:id/pdf": {
    kind: "record",
    url: (v) => `/api/catalogues/${v.catalogue.catalogueId}/pdf`,
    ownerStatus: 200,
  },
  "POST /api/catalogues/:id/confirm": {
    kind: "record",
    url: (v) => `/api/catalogues/${v.catalogue.catalogueId}/confirm`,
    body: () => ({ digest: "0".repeat(64) }),
  },
  "POST /api/catalogues/:id/withdraw": {
    kind: "record",
    url: (v) => `/api/catalogues/${v.catalogue.catalogueId}/withdraw`,
  },

  "GET /api/environment/vaults": { kind: "list", url: () => "/api/environment/vaults?pageSize=200" },
  "GET /api/environment/vaults/:id": {
    kind: "record",
    url: (v) => `/api/environment/vaults/${E(v).vaultId}`,
    ownerStatus: 200,
  },
  "GET /api/environment/vaults/:id/series": {
    kind: "record",
    url: (v) => `/api/environment/vaults/${E(v).vaultId}/series?range=24h`,
    ownerStatus: 200,
  },
  "POST /api/environment/vaults/:id/sensors": {
    kind: "record",
    url: (v) => `/api/environment/vaults/${E(v).vaultId}/sensors`,
    body: () => ({ code: "INTRUDER-1", name: "越权" }),
  },
  "PATCH /api/environment/sensors/:id": {
    kind: "record",
    url: (v) => `/api/environment/sensors/${E(v).sensorId}`,
    body: () => ({ active: false }),
  },
  "POST /api/environment/sensors/:id/credentials": {
    kind: "record",
    url: (v) => `/api/environment/sensors/${E(v).sensorId}/credentials`,
  },
  "POST /api/environment/vaults/:id/readings/import": {
    kind: "record",
    url: (v) => `/api/environment/vaults/${E(v).vaultId}/readings/import`,
  },
  "GET /api/environment/agencies/:id/limits": {
    kind: "record",
    url: (v) => `/api/environment/agencies/${v.agencyId}/limits`,
    ownerStatus: 200,
  },
  "PUT /api/environment/agencies/:id/limits/:zone": {
    kind: "record",
    url: (v) => `/api/environment/agencies/${v.agencyId}/limits/paper`,
    body: () => ({ temperatureMax: 20 }),
  },
  "GET /api/environment/alerts": { kind: "list", url: () => "/api/environment/alerts?pageSize=200" },
  "GET /api/environment/alerts/export.xlsx": {
    kind: "list",
    url: () => "/api/environment/alerts/export.xlsx",
  },
  "POST /api/environment/alerts/:id/acknowledge": {
    kind: "record",
    url: (v) => `/api/environment/alerts/${E(v).alertId}/acknowledge`,
    body: () => ({ note: "越权" }),
  },
  "POST /api/sensor-ingest/readings": {
    kind: "sensor",
    url: "/api/sensor-ingest/readings",
    body: () => ({ readings: [{ at: new Date().toISOString(), temperatureC: 20 }] }),
  },

  "GET /api/clauses": { kind: "public" },
  "GET /api/clauses/:id": { kind: "public" },

  // One file per module in ./matrix; each adds its routes here with one line.
  ...VAULT_ACCESS_MATRIX,
  ...REGISTRY_MATRIX,
  ...RETRIEVAL_MATRIX,
  ...USE_SERVICES_MATRIX,
  ...SCREENING_MATRIX,
  ...CATALOGUE_SEARCH_MATRIX,
  ...OVERSIGHT_MATRIX,
  ...ACCEPTANCE_MATRIX,
  ...DIGITIZATION_ORIGINALS_MATRIX,
  ...DIGITIZATION_SITE_MATRIX,
  ...DIGITIZATION_QC_MATRIX,
  ...PAGE_TEXT_MATRIX,
};

/** Every demo user but the city regulator's: one or more of each role, none related to the victim. */
const FOREIGNERS = [
  "pudong.admin",
  "pudong.inspector",
  "client.admin",
  "client.officer",
  "client.leader",
  "client2.admin",
  "client2.officer",
  "custody.manager",
  "custody.keeper",
  "custody.operator",
  "digit.manager",
  "digit.operator",
  "foreign.manager",
];

let t: TestApp;
let v: Victim;
const clients = new Map<string, Client>();

function bodyText(res: { body: unknown }): string {
  return Buffer.isBuffer(res.body)
    ? res.body.toString("latin1") + res.body.toString("utf8")
    : JSON.stringify(res.body);
}

describe(`authorization matrix (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    v = await createVictim(t.services);
    for (const u of [...FOREIGNERS, "victim.officer"]) clients.set(u, await t.as(u));
  }, 180_000);
  afterAll(() => t.close());

  it("[G-4] names every route of the application", () => {
    // The web UI's files (one public route each when built) and /docs are static and public.
    const keys = t.routes
      .filter((r) => r.url.startsWith("/api/") || r.url === "/*")
      .map((r) => `${r.method} ${r.url}`);
    const staticRoutes = t.routes.filter((r) => !r.url.startsWith("/api/"));
    expect(staticRoutes.every((r) => r.public)).toBe(true);
    const missing = keys.filter((k) => !(k in MATRIX));
    const stale = Object.keys(MATRIX).filter((k) => !keys.includes(k));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it("[D-9.4] refuses sensor-token routes without a valid sensor token, signed in or not", async () => {
    let checked = 0;
    for (const [key, rule] of Object.entries(MATRIX)) {
      if (rule.kind !== "sensor") continue;
      const method = key.split(" ")[0] as "POST";
      const payload = rule.body(v) as object;
      const send = (headers: Record<string, string> = {}) =>
        t.app.inject({ method, url: rule.url, payload, headers });
      expect((await send()).statusCode, key).toBe(401);
      expect((await send({ "x-sensor-token": "dst_forged" })).statusCode, key).toBe(401);
      for (const username of FOREIGNERS) {
        const res = await clients.get(username)!.request({ method, url: rule.url, payload });
        expect(res.statusCode, `${key} as ${username}`).toBe(401);
      }
      expect((await send({ "x-sensor-token": v.environment.sensorToken })).statusCode, key).toBe(200);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("[G-4] refuses every non-public route without a session", async () => {
    for (const r of t.routes.filter((x) => !x.public)) {
      const res = await t.app.inject({
        method: r.method as "GET",
        url: r.url.replace(/:id/g, "00000000-0000-4000-8000-000000000000"),
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it("[G-4][D-10.2] gives no foreign organisation's user any of the victim's data, on any route", async () => {
    let checked = 0;
    for (const [key, rule] of Object.entries(MATRIX)) {
      if (rule.kind !== "record" && rule.kind !== "list") continue;
      const method = key.split(" ")[0]!;
      for (const username of FOREIGNERS) {
        const c = clients.get(username)!;
        const url = rule.url(v);
        const payload = rule.kind === "record" && rule.body ? rule.body(v) : undefined;
        const res =
          method === "GET"
            ? await c.get(url)
            : await c
                .request({
                  method: method as "POST",
                  url,
                  ...(payload ? { payload: payload as object } : {}),
                })
                .then((r) => ({ status: r.statusCode, body: r.body }));
        const where = `${key} as ${username}`;
        if (rule.kind === "record") expect([403, 404], where).toContain(res.status);
        else expect(res.status, where).toBe(200);
        const text = bodyText(res);
        for (const marker of v.markers)
          expect(text.includes(marker), `${where} leaked ${marker}`).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(400);
  }, 600_000);

  it("[G-4] serves the victim's own records to its own user (the matrix is not vacuous)", async () => {
    const owner = clients.get("victim.officer")!;
    for (const [key, rule] of Object.entries(MATRIX)) {
      if (rule.kind !== "record" || !rule.ownerStatus) continue;
      const res = await owner.get(rule.url(v));
      expect(res.status, key).toBe(rule.ownerStatus);
    }
    const list = await owner.get("/api/projects");
    expect(JSON.stringify(list.body)).toContain("XYZZY");
  });

  it("[G-7] lets the city regulator see every project, and a district regulator only its area", async () => {
    const city = await t.as("city.admin");
    expect(JSON.stringify((await city.get("/api/projects?pageSize=200")).body)).toContain("XYZZY");
    expect((await city.get(`/api/projects/${v.projectId}`)).status).toBe(200);
    const pudong = clients.get("pudong.admin")!;
    const mine = await pudong.get("/api/projects?pageSize=200");
    expect(mine.body.total).toBeGreaterThan(0);
    for (const p of mine.body.items) expect([p.clientDistrict, p.agencyDistrict]).toContain("pudong");
  });

  it("[G-4] keeps the chain verification free of content", async () => {
    const res = await clients.get("pudong.inspector")!.post("/api/audit/verify");
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["count", "firstBreak", "head", "ok"]);
  });
});
