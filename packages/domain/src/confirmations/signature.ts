// Confirmations: a person of an organisation confirms the exact content (SM3
// digest) of a document, signed with the organisation's Ed25519 key. The
// signed statement is plain text so it can be verified offline with any
// Ed25519 tool and the published public key.

import type { KeyObject } from "node:crypto";
import { createPublicKey, sign, verify } from "node:crypto";

export interface ConfirmationStatement {
  documentKind: string;
  documentDigest: string;
  entityType: string;
  entityId: string;
  orgId: string;
  signerUserId: string;
  signerName: string;
  signedAt: string;
}

/** The exact bytes that are signed: one `key=value` per line, fixed order. */
export function statementText(s: ConfirmationStatement): string {
  return [
    "dangan-confirmation/v1",
    `document_kind=${s.documentKind}`,
    `document_sm3=${s.documentDigest}`,
    `entity=${s.entityType}/${s.entityId}`,
    `org=${s.orgId}`,
    `signer=${s.signerUserId}`,
    `signer_name=${s.signerName}`,
    `signed_at=${s.signedAt}`,
  ].join("\n");
}

export function signStatement(s: ConfirmationStatement, privateKey: KeyObject): string {
  return sign(null, Buffer.from(statementText(s), "utf8"), privateKey).toString("base64");
}

export function verifyStatement(
  s: ConfirmationStatement,
  signatureB64: string,
  publicKeyPem: string,
): boolean {
  try {
    return verify(
      null,
      Buffer.from(statementText(s), "utf8"),
      createPublicKey(publicKeyPem),
      Buffer.from(signatureB64, "base64"),
    );
  } catch {
    return false;
  }
}
