// Reads a password without putting it on the command line (where `ps` and the
// shell history would show it): a hidden prompt on a terminal, else stdin's first line.
import type { Io } from "./io.ts";
import { refuse } from "./io.ts";

export async function readPassword(io: Io, prompt = "Password: "): Promise<string> {
  if (io.stdin.isTTY && io.stdin.setRawMode) {
    const first = await promptHidden(io, prompt);
    const again = await promptHidden(io, "Repeat password: ");
    if (first !== again) throw refuse("The passwords do not match");
    return first;
  }
  return firstLine(io.stdin);
}

async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) {
    text += chunk.toString();
    if (text.includes("\n")) break;
  }
  const line = text.split(/\r?\n/)[0] ?? "";
  if (!line) throw refuse("No password given: pass --password or write it to stdin");
  return line;
}

function promptHidden(io: Io, prompt: string): Promise<string> {
  const stdin = io.stdin as NodeJS.ReadStream;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString("utf8")) {
        if (ch === "\r" || ch === "\n") return done(() => resolve(value));
        if (ch === "\u0003") return done(() => reject(refuse("Cancelled")));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    const done = (finish: () => void) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
      finish();
    };
    stdin.on("data", onData);
  });
}
