// Random secrets for sessions, CSRF and API tokens; only their SHA-256 is stored.
import { createHash, randomBytes } from "node:crypto";

export const newSecret = (bytes = 32) => randomBytes(bytes).toString("base64url");
export const secretHash = (secret: string) => createHash("sha256").update(secret).digest("hex");
