// Organisation kinds (G-4: three parties) and the service types agencies offer (G-2).
import type { Message } from "../errors/domain-error.ts";

export const ORG_KINDS = ["regulator", "client", "agency"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, Message> = {
  regulator: { zh: "档案行政管理部门", en: "Regulator" },
  client: { zh: "委托方", en: "Client" },
  agency: { zh: "档案中介机构", en: "Agency" },
};

/** G-2: the four outsourced service types. */
export const SERVICE_TYPES = ["custody", "digitization", "arrangement", "system_building"] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const SERVICE_TYPE_LABELS: Record<ServiceType, Message> = {
  custody: { zh: "档案寄存托管", en: "Custody" },
  digitization: { zh: "档案数字化", en: "Digitization" },
  arrangement: { zh: "档案整理", en: "Arrangement" },
  system_building: { zh: "档案信息系统建设", en: "System building" },
};

export const REGULATOR_LEVELS = ["city", "district"] as const;
export type RegulatorLevel = (typeof REGULATOR_LEVELS)[number];

/** G-12: an agency's registration standing. */
export const REGISTRATION_STATUSES = ["active", "suspended", "revoked"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, Message> = {
  active: { zh: "正常", en: "Active" },
  suspended: { zh: "暂停", en: "Suspended" },
  revoked: { zh: "撤销", en: "Revoked" },
};
