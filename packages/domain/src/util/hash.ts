// SM3 (GB/T 32905) is the project's hash for the audit chain and fixity;
// SHA-256 is kept alongside where outside tools expect it. Both are in
// Node's OpenSSL build; hashing is computation, not I/O.
import { createHash } from "node:crypto";

export function sm3Hex(data: string | Uint8Array): string {
  return createHash("sm3").update(data).digest("hex");
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

export const SM3_HEX = /^[0-9a-f]{64}$/;
