// A sensor's two credentials, shown once: the HMAC secret that signs its MQTT
// readings (stored encrypted under the instance secret, because verifying needs
// it) and the HTTP token (stored only as its SHA-256).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

export interface SensorCredentials {
  secret: string;
  token: string;
}

export const newCredentials = (): SensorCredentials => ({
  secret: randomBytes(32).toString("hex"),
  token: `dst_${randomBytes(24).toString("base64url")}`,
});

export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
export const tokenPrefix = (token: string) => token.slice(0, 10);

export function encryptSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64")))
    .join(".");
}

export function decryptSecret(enc: string, key: Buffer): string {
  const [v, iv, tag, body] = enc.split(".");
  if (v !== "v1" || !iv || !tag || !body) throw new Error("unknown sensor secret format");
  const d = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
  d.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([d.update(Buffer.from(body, "base64")), d.final()]).toString("utf8");
}
