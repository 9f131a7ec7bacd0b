// Collects, per clause id, where code cites it and which tests carry it in
// their title. Files come from git, so ignored output (dist, data) never counts.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { citations, isTestPath, taggedTests } from "./parse.ts";

export interface Location {
  path: string;
  line: number;
}

export interface TestRef extends Location {
  title: string;
}

export interface Trace {
  enforced: Map<string, Location[]>;
  tested: Map<string, TestRef[]>;
}

const SOURCE = /\.(ts|tsx|mjs|sql)$/;
// The tool's own files hold sample ids; they cite nothing.
const SELF = /^scripts\/traceability(\.ts$|\/)/;

function git(root: string, ...args: string[]): string[] {
  return execFileSync("git", args, { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
}

/** Tracked plus untracked-but-not-ignored source files, sorted for a stable report. */
export function sourceFiles(root: string): string[] {
  const files = new Set([
    ...git(root, "ls-files"),
    ...git(root, "ls-files", "--others", "--exclude-standard"),
  ]);
  return [...files].filter((f) => SOURCE.test(f) && !SELF.test(f) && existsSync(join(root, f))).sort();
}

function add<T>(map: Map<string, T[]>, id: string, item: T): void {
  const list = map.get(id);
  if (list) list.push(item);
  else map.set(id, [item]);
}

export function scan(root: string): Trace {
  const trace: Trace = { enforced: new Map(), tested: new Map() };
  for (const path of sourceFiles(root)) {
    const source = readFileSync(join(root, path), "utf8");
    if (isTestPath(path)) {
      for (const t of taggedTests(source))
        for (const id of t.ids) add(trace.tested, id, { path, line: t.line, title: t.title });
    } else {
      for (const c of citations(source)) add(trace.enforced, c.id, { path, line: c.line });
    }
  }
  return trace;
}
