// Serves one PGlite session over the PostgreSQL wire protocol on a unix socket
// (docs/adr/0002-embedded-mode.md). Every whole message a read brings goes to
// PGlite in one call: a query by the extended protocol is four or five messages
// (Parse, Bind, Describe, Execute, Sync), and handing them over one at a time
// cost a quarter of a millisecond a query (measured against
// @electric-sql/pglite-socket, which did so). Plain JavaScript, as the worker.
import { createServer } from "node:net";

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const TERMINATE = 0x58; // 'X'

/**
 * @param {import("@electric-sql/pglite").PGlite} db
 * @param {string} path unix socket path
 */
export async function serveSocket(db, path) {
  // PGlite is one session: a client is served only after the one before has
  // gone and its session was reset, so a new pool client never waits on an error.
  let turn = Promise.resolve();
  /** @type {Set<import("node:net").Socket>} */
  const open = new Set();

  const server = createServer((socket) => {
    open.add(socket);
    const previous = turn;
    /** @type {() => void} */
    let done = () => {};
    turn = new Promise((resolve) => {
      done = resolve;
    });
    let work = previous;
    const reader = messageReader();
    socket.setNoDelay(true);
    socket.on("data", (chunk) => {
      reader.push(chunk);
      work = work.then(() => serve(db, socket, reader)).catch(() => socket.destroy());
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      open.delete(socket);
      work = work
        .then(() => resetSession(db))
        .catch(() => {})
        .finally(done);
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, () => resolve(undefined));
  });
  return {
    async stop() {
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      await turn;
    },
  };
}

/** Hands PGlite every whole message waiting, and answers what is not a query. */
async function serve(db, socket, reader) {
  for (;;) {
    const next = reader.take();
    if (!next) return;
    if (next.kind === "ssl") socket.write("N"); // no TLS on a private socket
    if (next.kind === "terminate") socket.end();
    if (next.kind !== "messages" && next.kind !== "startup") continue;
    // PGlite hands its answer over in 8 kB pieces, each a view of its memory:
    // copied, and written in one go once the batch is done.
    /** @type {Buffer[]} */
    const answer = [];
    await db.runExclusive(() =>
      db.execProtocolRawStream(next.bytes, {
        onRawData: (out) => {
          if (out.length) answer.push(Buffer.from(out));
        },
      }),
    );
    if (answer.length && socket.writable)
      socket.write(answer.length === 1 ? answer[0] : Buffer.concat(answer));
  }
}

const SYNC = Uint8Array.of(0x53, 0, 0, 0, 4); // 'S': ends an extended-protocol exchange cut short

/** What a backend's exit would undo: an open transaction, prepared statements, settings, locks. */
async function resetSession(db) {
  await db.runExclusive(() => db.execProtocolRaw(SYNC));
  // exec() takes PGlite's query lock itself.
  if (db.isInTransaction()) await db.exec("ROLLBACK");
  await db.exec("DISCARD ALL");
}

/**
 * Splits the byte stream into the start-up packet (length first, no type
 * byte) and then runs of whole typed messages. Chunks are joined only once a
 * message is known to be whole, so a large message is copied once.
 */
function messageReader() {
  /** @type {Buffer[]} */
  let chunks = [];
  let size = 0;
  let started = false;

  const joined = () => {
    if (chunks.length > 1) chunks = [Buffer.concat(chunks, size)];
    return chunks[0] ?? Buffer.alloc(0);
  };
  const consume = (n) => {
    const buf = joined();
    const out = new Uint8Array(buf.subarray(0, n)); // its own bytes, not a window on the rest of the read
    chunks = n < buf.length ? [buf.subarray(n)] : [];
    size -= n;
    return out;
  };
  /** The length of the message at `at`, if its header has arrived. */
  const lengthAt = (buf, at) => (at + 5 <= buf.length ? 1 + buf.readInt32BE(at + 1) : null);

  return {
    /** @param {Buffer} chunk */
    push(chunk) {
      chunks.push(chunk);
      size += chunk.length;
    },
    take() {
      if (size === 0) return null;
      if (!started) {
        if (size < 8) return null;
        const buf = joined();
        const length = buf.readInt32BE(0);
        const code = buf.readInt32BE(4);
        if (size < length) return null;
        if (code === SSL_REQUEST) return { kind: "ssl", bytes: consume(length) };
        if (code === CANCEL_REQUEST) return { kind: "cancel", bytes: consume(length) };
        started = true;
        return { kind: "startup", bytes: consume(length) };
      }
      // A large message arrives in many chunks: wait for all of it before joining.
      if (chunks.length > 1 && chunks[0].length >= 5) {
        const first = lengthAt(chunks[0], 0);
        if (first !== null && size < first) return null;
      }
      const buf = joined();
      if (buf[0] === TERMINATE) {
        consume(size);
        return { kind: "terminate" };
      }
      // Every whole message up to a Terminate, which is answered on its own.
      let end = 0;
      for (;;) {
        const length = lengthAt(buf, end);
        if (length === null || end + length > buf.length || buf[end] === TERMINATE) break;
        end += length;
      }
      return end ? { kind: "messages", bytes: consume(end) } : null;
    },
  };
}
