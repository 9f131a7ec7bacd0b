// The written contract of a project (G-10, D-7.3, Z-5.3): saved as a draft,
// signed only when complete and with the signed document attached.

import { type Contract, inTransaction, type Tx } from "@dangan/db";
import {
  type Actor,
  assertContractComplete,
  authorize,
  type ContractFields,
  contractRequirements,
  DomainError,
  missingContractFields,
  policy,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import { changes } from "../../lib/diff.ts";
import { partiesOf } from "../projects/projects.repository.ts";
import type { ProjectsService } from "../projects/projects.service.ts";

const signedAlready = () =>
  new DomainError({
    code: "CONTRACT_ALREADY_SIGNED",
    status: 409,
    clause: "G-10",
    message: {
      zh: "合同已签订，不能修改；变更请另签补充协议",
      en: "The contract is signed; record changes as a supplement",
    },
  });

function fieldsOf(c: Contract): ContractFields {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) if (v !== null) out[k] = v;
  return out as ContractFields;
}

export function contractsService({ dbh: { db } }: Deps, projects: ProjectsService) {
  /** The project and its draft contract, row-locked, after checking the actor may change it. */
  async function draftForUpdate(trx: Tx, actor: Actor, projectId: string, action: string) {
    const p = await projects.readable(actor, projectId, trx);
    authorize(policy.manageProject(actor, partiesOf(p)), action);
    const c = await trx
      .selectFrom("contract")
      .selectAll()
      .where("projectId", "=", projectId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (c.status === "signed") throw signedAlready();
    return { p, c };
  }

  return {
    async get(actor: Actor, projectId: string) {
      const p = await projects.readable(actor, projectId);
      const c = await db
        .selectFrom("contract")
        .selectAll()
        .where("projectId", "=", projectId)
        .executeTakeFirstOrThrow();
      const signedDocument = c.signedDocumentId
        ? await db
            .selectFrom("attachment")
            .select(["id", "filename", "sm3", "sizeBytes"])
            .where("id", "=", c.signedDocumentId)
            .executeTakeFirst()
        : null;
      return {
        ...c,
        signedDocument: signedDocument ?? null,
        requirements: contractRequirements(p.serviceType),
        missing: missingContractFields(fieldsOf(c), p.serviceType).map((m) => m.field),
        canEdit: policy.manageProject(actor, partiesOf(p)) && c.status === "draft",
      };
    },

    async save(actor: Actor, projectId: string, fields: ContractFields) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { p, c } = await draftForUpdate(trx, actor, projectId, "edit this contract");
        const saved = await trx
          .updateTable("contract")
          .set({ ...fields, updatedAt: new Date(), updatedBy: actor.type === "user" ? actor.userId : null })
          .where("id", "=", c.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "contract.saved",
          entityType: "contract",
          entityId: c.id,
          payload: { projectId, changes: changes(c, fields), ...operatorNote(actor) },
          scopeOrgIds: [p.clientOrgId, p.agencyOrgId],
        });
        return saved;
      });
    },

    async sign(actor: Actor, projectId: string, signedDocumentId: string, signedOn: string) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { p, c } = await draftForUpdate(trx, actor, projectId, "sign this contract");
        assertContractComplete(fieldsOf(c), p.serviceType);
        const doc = await trx
          .selectFrom("attachment")
          .select(["id", "sm3"])
          .where("id", "=", signedDocumentId)
          .where((eb) =>
            eb.or([
              eb.and([eb("entityType", "=", "project"), eb("entityId", "=", projectId)]),
              eb.and([eb("entityType", "=", "contract"), eb("entityId", "=", c.id)]),
            ]),
          )
          .executeTakeFirst();
        if (!doc) {
          throw new DomainError({
            code: "SIGNED_DOCUMENT_REQUIRED",
            status: 422,
            clause: "G-10",
            message: {
              zh: "须上传双方签章的合同文本",
              en: "Attach the signed and sealed contract document to this project first",
            },
          });
        }
        const signed = await trx
          .updateTable("contract")
          .set({ status: "signed", signedDocumentId, signedOn, updatedAt: new Date() })
          .where("id", "=", c.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "contract.signed",
          entityType: "contract",
          entityId: c.id,
          payload: { projectId, signedOn, documentSm3: doc.sm3, ...operatorNote(actor) },
          scopeOrgIds: [p.clientOrgId, p.agencyOrgId],
        });
        return signed;
      });
    },
  };
}
export type ContractsService = ReturnType<typeof contractsService>;
