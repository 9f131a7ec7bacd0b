// The clause catalogue (spec/clauses.tsv) parsed into records. The caller
// reads the file; this stays free of I/O.

export const CLAUSE_KINDS = [
  "scope",
  "heading",
  "term",
  "policy",
  "rule",
  "workflow",
  "record",
  "check",
  "monitor",
  "report",
] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

export interface Clause {
  id: string;
  kind: ClauseKind;
  module: string;
  gloss: string;
  systemDuty: string;
  text: string;
}

/** Kinds that put a duty on the system (the rest are headings, terms, scope, policy). */
export const DUTY_KINDS: readonly ClauseKind[] = ["rule", "workflow", "record", "check", "monitor", "report"];

export function parseClauses(tsv: string): Clause[] {
  const [header, ...lines] = tsv.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (!header?.startsWith("id\tkind")) throw new Error("clauses.tsv: unexpected header");
  return lines.map((line, i) => {
    const [id, kind, module, gloss, systemDuty, text] = line.split("\t");
    if (!id || !kind || !CLAUSE_KINDS.includes(kind as ClauseKind))
      throw new Error(`clauses.tsv line ${i + 2}: bad id or kind`);
    return {
      id,
      kind: kind as ClauseKind,
      module: module ?? "",
      gloss: gloss ?? "",
      systemDuty: systemDuty ?? "",
      text: (text ?? "").replaceAll(" ¶ ", "\n"),
    };
  });
}

export const CLAUSE_ID = /^[GDZ]-(S?\d+)(\.\d+)?$/;
