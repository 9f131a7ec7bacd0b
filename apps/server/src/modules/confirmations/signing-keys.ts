// Each organisation has an Ed25519 signing key. The private key is stored
// encrypted (AES-256-GCM under the instance secret); the public key is published.
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from "node:crypto";
import type { Tx } from "@dangan/db";

export function encryptKey(pem: string, secret: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", secret, iv);
  const body = Buffer.concat([cipher.update(pem, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(
    ".",
  );
}

export function decryptKey(enc: string, secret: Buffer): KeyObject {
  const [v, iv, tag, body] = enc.split(".");
  if (v !== "v1" || !iv || !tag || !body) throw new Error("unknown signing key format");
  const decipher = createDecipheriv("aes-256-gcm", secret, Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  const pem = Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString(
    "utf8",
  );
  return createPrivateKey(pem);
}

/** Creates the organisation's key pair inside the caller's transaction. */
export async function createSigningKey(trx: Tx, orgId: string, secret: Buffer): Promise<string> {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const privatePem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  await trx
    .insertInto("signingKey")
    .values({ orgId, publicKeyPem, privateKeyEnc: encryptKey(privatePem, secret) })
    .execute();
  return publicKeyPem;
}
