// Fixity worker (plain JS, no build step): SM3 and SHA-256 of each file in the
// batch it is sent, each file read once. Runs on its own thread so that both
// cores hash at once; small files are read whole, large ones streamed.
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { parentPort } from "node:worker_threads";

const CHUNK = 1024 * 1024;
const buffer = Buffer.allocUnsafe(CHUNK);

function digest(path) {
  const sm3 = createHash("sm3");
  const sha = createHash("sha256");
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    let at = 0;
    while (at < size) {
      const n = readSync(fd, buffer, 0, Math.min(CHUNK, size - at), at);
      if (n === 0) break;
      const part = buffer.subarray(0, n);
      sm3.update(part);
      sha.update(part);
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  return { sm3: sm3.digest("hex"), sha256: sha.digest("hex") };
}

parentPort.on("message", ({ id, paths }) => {
  const results = paths.map((p) => {
    try {
      return digest(p);
    } catch (e) {
      return { error: String(e?.message ?? e) };
    }
  });
  parentPort.postMessage({ id, results });
});
