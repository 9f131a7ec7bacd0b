// The four-property check of a delivery package (DA/T 70-2018: authenticity,
// integrity, usability, security), item codes as in the standards reference.
// Built from the per-file results plus the manifest and the virus scan.
import type { Message } from "../../errors/domain-error.ts";
import type { QcOutcome, QcResult, QcRuleId } from "./rules.ts";
import { worstOutcome } from "./rules.ts";

export const FOUR_PROPERTIES = ["authenticity", "integrity", "usability", "security"] as const;
export type FourProperty = (typeof FOUR_PROPERTIES)[number];

export interface QcPackageItem {
  property: FourProperty;
  code: string;
  label: Message;
  outcome: QcOutcome;
  message: Message;
  /** Paths or codes concerned (at most 50). */
  subjects?: string[] | undefined;
}

export interface QcManifestComparison {
  /** Algorithms the manifest gave (sha256, sm3). */
  algorithms: string[];
  mismatched: string[];
  missingFromDelivery: string[];
  notInManifest: string[];
}

export interface QcPayloadOxum {
  declared: { bytes: number; count: number } | null;
  actual: { bytes: number; count: number };
}

export interface QcVirusScan {
  /** clamdscan or clamscan, or null when none is installed. */
  scanner: string | null;
  infected: string[];
  error?: string | undefined;
}

export interface QcPackageFacts {
  results: QcResult[];
  manifest: QcManifestComparison | null;
  oxum: QcPayloadOxum;
  catalogueEntries: number;
  catalogueWithoutPages: number;
  virus: QcVirusScan;
}

const failing = (results: QcResult[], ...rules: QcRuleId[]) =>
  results.filter((r) => rules.includes(r.ruleId) && r.outcome === "fail");

function fromRules(
  property: FourProperty,
  code: string,
  label: Message,
  results: QcResult[],
  rules: QcRuleId[],
  ok: Message,
  bad: (n: number) => Message,
): QcPackageItem {
  const f = failing(results, ...rules);
  const present = results.some((r) => rules.includes(r.ruleId));
  return {
    property,
    code,
    label,
    outcome: f.length ? "fail" : present ? "pass" : "not_checked",
    message: f.length ? bad(f.length) : present ? ok : { zh: "无可检查项", en: "Nothing to check" },
    subjects: f.slice(0, 50).map((r) => r.path ?? r.referenceCode ?? ""),
  };
}

export function fourPropertyCheck(p: QcPackageFacts): QcPackageItem[] {
  const r = p.results;
  const items: QcPackageItem[] = [];
  const m = p.manifest;
  items.push({
    property: "authenticity",
    code: "GD-1-10",
    label: { zh: "内容数据电子属性一致性（摘要与清单比对）", en: "Digests match the manifest" },
    ...(m === null
      ? {
          outcome: "not_checked" as const,
          message: {
            zh: "交付包未附摘要清单（manifest-sha256.txt / manifest-sm3.txt）",
            en: "No manifest in the delivery (manifest-sha256.txt / manifest-sm3.txt)",
          },
        }
      : m.mismatched.length || m.missingFromDelivery.length || m.notInManifest.length
        ? {
            outcome: "fail" as const,
            message: {
              zh: `摘要不符 ${m.mismatched.length}，清单有而包中无 ${m.missingFromDelivery.length}，包中有而清单无 ${m.notInManifest.length}`,
              en: `${m.mismatched.length} digests differ, ${m.missingFromDelivery.length} listed but absent, ${m.notInManifest.length} present but not listed`,
            },
            subjects: [...m.mismatched, ...m.missingFromDelivery, ...m.notInManifest].slice(0, 50),
          }
        : {
            outcome: "pass" as const,
            message: {
              zh: `全部摘要与清单一致（${m.algorithms.join("、")}）`,
              en: `Every digest matches (${m.algorithms.join(", ")})`,
            },
          }),
  });
  items.push(
    fromRules(
      "authenticity",
      "GD-1-7",
      { zh: "档号规范性（图像命名）", en: "Reference codes in names" },
      r,
      ["naming"],
      { zh: "命名均为档号+流水号", en: "Every name is reference code + sequence" },
      (n) => ({ zh: `${n} 个文件命名不规范`, en: `${n} files misnamed` }),
    ),
    fromRules(
      "authenticity",
      "GD-1-11",
      { zh: "元数据与内容关联一致性", en: "Catalogue linked to content" },
      r,
      ["not_in_catalogue", "missing_volume"],
      { zh: "目录与图像一一对应", en: "Catalogue and images correspond" },
      (n) => ({ zh: `${n} 处目录与图像不对应`, en: `${n} catalogue/image mismatches` }),
    ),
    fromRules(
      "integrity",
      "GD-2-1",
      { zh: "总件数相符性（页数与目录）", en: "Counts match the catalogue" },
      r,
      ["page_count"],
      { zh: "各卷页数与目录相符", en: "Every volume's pages match" },
      (n) => ({ zh: `${n} 卷页数与目录不符`, en: `${n} volumes differ from the catalogue` }),
    ),
  );
  const o = p.oxum;
  items.push({
    property: "integrity",
    code: "GD-2-2",
    label: { zh: "总字节数相符性", en: "Byte total matches" },
    ...(o.declared === null
      ? {
          outcome: "not_checked" as const,
          message: {
            zh: `未声明总字节数（bag-info.txt Payload-Oxum）；实际 ${o.actual.count} 个文件 ${o.actual.bytes} 字节`,
            en: `No declared total (bag-info.txt Payload-Oxum); delivered ${o.actual.count} files, ${o.actual.bytes} bytes`,
          },
        }
      : o.declared.bytes === o.actual.bytes && o.declared.count === o.actual.count
        ? {
            outcome: "pass" as const,
            message: {
              zh: `${o.actual.count} 个文件 ${o.actual.bytes} 字节，与声明相符`,
              en: `${o.actual.count} files, ${o.actual.bytes} bytes, as declared`,
            },
          }
        : {
            outcome: "fail" as const,
            message: {
              zh: `声明 ${o.declared.count} 个文件 ${o.declared.bytes} 字节，实际 ${o.actual.count} 个 ${o.actual.bytes} 字节`,
              en: `Declared ${o.declared.count} files, ${o.declared.bytes} bytes; delivered ${o.actual.count}, ${o.actual.bytes}`,
            },
          }),
  });
  items.push({
    property: "integrity",
    code: "GD-2-4",
    label: { zh: "元数据必填著录项目（目录页数）", en: "Mandatory catalogue fields" },
    outcome: p.catalogueEntries === 0 ? "fail" : p.catalogueWithoutPages ? "warn" : "pass",
    message:
      p.catalogueEntries === 0
        ? { zh: "没有目录", en: "No catalogue" }
        : p.catalogueWithoutPages
          ? {
              zh: `${p.catalogueWithoutPages} 条目录缺页数`,
              en: `${p.catalogueWithoutPages} entries lack a page count`,
            }
          : { zh: `${p.catalogueEntries} 条目录齐全`, en: `${p.catalogueEntries} entries complete` },
  });
  items.push(
    fromRules(
      "integrity",
      "GD-2-6",
      { zh: "连续性元数据项（流水号）", en: "Sequence continuity" },
      r,
      ["sequence_gap", "duplicate"],
      { zh: "流水号连续、无重复", en: "Sequences continuous, no duplicates" },
      (n) => ({ zh: `${n} 处缺号或重复`, en: `${n} gaps or duplicates` }),
    ),
    fromRules(
      "usability",
      "GD-3-3",
      { zh: "内容数据格式", en: "Content format" },
      r,
      ["format_allowed", "format_uniform"],
      { zh: "格式符合要求", en: "Formats allowed" },
      (n) => ({ zh: `${n} 处格式不符`, en: `${n} format problems` }),
    ),
    fromRules(
      "usability",
      "GD-3-4",
      { zh: "内容数据可读性", en: "Content readable" },
      r,
      ["decodable", "dimensions"],
      { zh: "文件均可读取", en: "Every file reads" },
      (n) => ({ zh: `${n} 个文件无法读取`, en: `${n} files do not read` }),
    ),
  );
  const v = p.virus;
  items.push({
    property: "security",
    code: "GD-4-1",
    label: { zh: "杀毒软件安装情况", en: "Virus scanner installed" },
    outcome: v.scanner ? "pass" : "not_checked",
    message: v.scanner
      ? { zh: `已安装 ${v.scanner}`, en: `${v.scanner} installed` }
      : {
          zh: "本服务器未安装病毒扫描程序（clamscan/clamdscan）",
          en: "No virus scanner (clamscan/clamdscan) is installed on this server",
        },
  });
  items.push({
    property: "security",
    code: "GD-4-2",
    label: { zh: "病毒感染检测", en: "Virus scan" },
    ...(!v.scanner
      ? {
          outcome: "not_checked" as const,
          message: { zh: "未进行病毒扫描：未安装扫描程序", en: "Not scanned: no virus scanner installed" },
        }
      : v.error
        ? { outcome: "fail" as const, message: { zh: `扫描出错：${v.error}`, en: `Scan error: ${v.error}` } }
        : v.infected.length
          ? {
              outcome: "fail" as const,
              message: {
                zh: `发现 ${v.infected.length} 个感染文件`,
                en: `${v.infected.length} infected files`,
              },
              subjects: v.infected.slice(0, 50),
            }
          : { outcome: "pass" as const, message: { zh: "未发现病毒", en: "No virus found" } }),
  });
  items.push(
    fromRules(
      "security",
      "GD-4-3",
      { zh: "载体中多余文件（可执行及非归档文件）", en: "No executables or non-archival files" },
      r,
      ["non_archival"],
      { zh: "无多余文件", en: "No extra files" },
      (n) => ({ zh: `${n} 个非归档文件`, en: `${n} non-archival files` }),
    ),
  );
  // fromRules reports "not_checked" when no file had the rule; for GD-4-3 that means none found.
  const last = items[items.length - 1]!;
  if (last.outcome === "not_checked")
    Object.assign(last, { outcome: "pass", message: { zh: "无多余文件", en: "No extra files" } });
  return items;
}

export function propertyOutcome(items: QcPackageItem[], property: FourProperty): QcOutcome {
  return worstOutcome(items.filter((i) => i.property === property).map((i) => i.outcome));
}
