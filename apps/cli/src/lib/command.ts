// What each command factory receives: the io and a wrapper that turns the
// action's result (or error) into the process exit code.
import type { Command } from "commander";
import type { GlobalOptions } from "./context.ts";
import { reportError } from "./errors.ts";
import type { Io } from "./io.ts";

export interface Cli {
  io: Io;
  exitCode: number;
}

export function action<A extends unknown[]>(cli: Cli, fn: (...args: A) => Promise<number | undefined>) {
  return async (...args: A): Promise<void> => {
    try {
      cli.exitCode = (await fn(...args)) ?? 0;
    } catch (error) {
      cli.exitCode = reportError(error, cli.io);
    }
  };
}

/** The command's own options merged with --data-dir / --database-url from the root. */
export const optionsOf = <T extends object>(cmd: Command) => cmd.optsWithGlobals<T & GlobalOptions>();

/** Commander's collector for repeatable options (--role a --role b, or --role a,b). */
export const collect = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean),
];
