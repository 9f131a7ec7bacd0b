// One OCR worker thread: its own engine (one onnxruntime thread), reading the
// pages it is sent one at a time.
import { parentPort, workerData } from "node:worker_threads";
import { OcrEngine } from "./engine.ts";
import { DEFAULT_TUNING, type PageReadRequest, readPage } from "./screen-page.ts";

const engine = await OcrEngine.create(1);
const tuning = { ...DEFAULT_TUNING, ...(workerData?.tuning ?? {}) };
parentPort!.on("message", async (m: { id: number; req: PageReadRequest }) => {
  try {
    parentPort!.postMessage({ id: m.id, result: await readPage(engine, m.req, tuning) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: String((e as Error)?.message ?? e) });
  }
});
parentPort!.postMessage({ ready: true });
