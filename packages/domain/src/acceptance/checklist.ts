// The final acceptance checklist of a project (G-11, Z-8.2): what must be closed
// before the client may accept. Items known to the system are filled from data
// (each with its open points); the rest are the client's own check, confirmed
// when recording the acceptance.
import type { Message } from "../errors/domain-error.ts";
import type { ServiceType } from "../organisations/kinds.ts";

export interface AcceptanceItemDef {
  key: string;
  clause: string;
  label: Message;
  /** Checked by the client in person (no data to fill it from). */
  manual: boolean;
}

const item = (key: string, clause: string, zh: string, en: string, manual = false): AcceptanceItemDef => ({
  key,
  clause,
  label: { zh, en },
  manual,
});

/** G-11: every project — the client's supervision ledger and the oversight it drew. */
const COMMON: AcceptanceItemDef[] = [
  item("ledger_problems", "G-11", "工作台帐问题均已整改", "Every problem in the project ledger is rectified"),
  item("rectifications", "G-7", "整改通知均已验收", "Every rectification order is accepted"),
  item("incidents", "G-7", "安全事件均已处理结案", "Every incident is closed"),
];

/** Z-8.2: devices, media handover, CCTV recordings, physical handovers, quality of results. */
const DIGITIZATION: AcceptanceItemDef[] = [
  item("devices", "Z-8.3", "设备均已在场并完成处置", "Every device is on site and disposed of"),
  item(
    "media_handover",
    "Z-7.7",
    "成果及备份介质已移交并核验，机构确认不留存",
    "Results and backups handed over and verified; the agency keeps no copy",
  ),
  item(
    "cctv_recordings",
    "Z-5.5",
    "监控录像由委托方保存并已查验",
    "CCTV recordings are held by the client and were checked",
    true,
  ),
  item(
    "originals_returned",
    "Z-8.1",
    "档案原件已按交接清单逐卷归还",
    "Originals returned volume by volume against the handover list",
  ),
  item("quality", "Z-7.4", "数字化成果质量检查均已通过", "Every batch passed quality control"),
];

export function acceptanceItems(serviceType: ServiceType): AcceptanceItemDef[] {
  return serviceType === "digitization" ? [...DIGITIZATION, ...COMMON] : COMMON;
}

/** An item as evaluated now: open points from data, or the client's confirmation. */
export interface AcceptanceItem extends AcceptanceItemDef {
  ok: boolean;
  open: Message[];
}

/**
 * Evaluates the checklist: a data item is ok without open points; a manual one
 * when the client confirms it (`confirmed` holds the keys it ticked).
 */
export function evaluateAcceptance(
  defs: readonly AcceptanceItemDef[],
  openPoints: Readonly<Record<string, readonly Message[]>>,
  confirmed: readonly string[] = [],
): AcceptanceItem[] {
  return defs.map((d) => {
    const open = d.manual ? [] : [...(openPoints[d.key] ?? [])];
    return { ...d, open, ok: d.manual ? confirmed.includes(d.key) : open.length === 0 };
  });
}
