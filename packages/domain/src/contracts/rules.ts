// Which contract fields each service type requires, by clause.
import { DomainError } from "../errors/domain-error.ts";
import type { ServiceType } from "../organisations/kinds.ts";
import type { ContractField, ContractFields } from "./schemas.ts";

interface Requirement {
  field: ContractField;
  clause: string;
  label: { zh: string; en: string };
}

const req = (field: ContractField, clause: string, zh: string, en: string): Requirement => ({
  field,
  clause,
  label: { zh, en },
});

/** G-10: content, term, quantity, price, confidentiality, rights and duties, liability for breach. */
const GENERAL: Requirement[] = [
  req("content", "G-10", "委托和服务内容", "content of the service"),
  req("termStart", "G-10", "期限（起）", "term start"),
  req("termEnd", "G-10", "期限（止）", "term end"),
  req("quantity", "G-10", "数量", "quantity"),
  req("quantityUnit", "G-10", "数量单位", "quantity unit"),
  req("price", "G-10", "价格", "price"),
  req("pricingUnit", "G-10", "计价单位", "pricing unit"),
  req("confidentialityTerms", "G-10", "保密条款", "confidentiality terms"),
  req("rightsAndDuties", "G-10", "双方权利义务", "rights and duties"),
  req("breachLiability", "G-10", "违约责任", "liability for breach"),
];

const BY_SERVICE: Record<ServiceType, Requirement[]> = {
  /** D-7.3: damage compensation and legal liability for custody. */
  custody: [req("damageCompensation", "D-7.3", "档案损毁赔偿事项", "damage compensation")],
  /** Z-5.3: technical standards and security requirements for digitization. */
  digitization: [
    req("technicalStandards", "Z-5.3", "技术标准", "technical standards"),
    req("securityRequirements", "Z-5.3", "安全要求", "security requirements"),
    req("damageCompensation", "G-10", "档案损毁赔偿事项", "damage compensation"),
  ],
  arrangement: [req("technicalStandards", "G-10", "技术标准", "technical standards")],
  system_building: [req("securityRequirements", "G-2", "安全要求", "security requirements")],
};

export function contractRequirements(serviceType: ServiceType): Requirement[] {
  return [...GENERAL, ...BY_SERVICE[serviceType]];
}

export function missingContractFields(fields: ContractFields, serviceType: ServiceType): Requirement[] {
  return contractRequirements(serviceType).filter((r) => {
    const v = fields[r.field];
    return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
  });
}

/** Refuses signing a contract that lacks a field its clauses require. */
export function assertContractComplete(fields: ContractFields, serviceType: ServiceType): void {
  const missing = missingContractFields(fields, serviceType);
  if (fields.termStart && fields.termEnd && fields.termEnd < fields.termStart) {
    throw new DomainError({
      code: "CONTRACT_TERM_INVALID",
      status: 422,
      clause: "G-10",
      message: { zh: "合同期限的结束日期早于开始日期", en: "The contract term ends before it starts" },
    });
  }
  if (missing.length === 0) return;
  const first = missing[0]!;
  throw new DomainError({
    code: "CONTRACT_INCOMPLETE",
    status: 422,
    clause: first.clause,
    message: {
      zh: `合同缺少必备条款：${missing.map((m) => m.label.zh).join("、")}`,
      en: `The contract lacks required terms: ${missing.map((m) => m.label.en).join(", ")}`,
    },
    details: { missing: missing.map((m) => ({ field: m.field, clause: m.clause })) },
  });
}
