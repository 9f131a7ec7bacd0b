// Where a command reads and writes. Commands never touch process.* directly, so
// tests run them in-process and capture what an operator would see.

export interface Io {
  /** One line to stdout (results, machine-readable output). */
  out(line: string): void;
  /** One line to stderr (progress, warnings, refusals). */
  err(line: string): void;
  /** Rewrites the current stderr line when it is a terminal (progress counters). */
  progress(text: string): void;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  env: NodeJS.ProcessEnv;
}

export function processIo(): Io {
  const tty = process.stderr.isTTY === true;
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    progress: (text) => {
      if (tty) process.stderr.write(`\r\x1b[2K${text}`);
    },
    stdin: process.stdin,
    env: process.env,
  };
}

/** Exit codes: 0 done; 1 failed or found damage; 2 refused (bad input or target state), nothing changed. */
export const EXIT = { OK: 0, FAILED: 1, REFUSED: 2 } as const;

/** A failure with a message for the operator and the exit code it maps to. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.FAILED,
    readonly detail: string[] = [],
  ) {
    super(message);
    this.name = "CliError";
  }
}

export const refuse = (message: string, detail: string[] = []) => new CliError(message, EXIT.REFUSED, detail);
