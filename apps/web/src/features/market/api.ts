// The market view API (G-5, Z-5.2), typed for these pages.
import { api, buildUrl, type Query } from "../../api/client.ts";
import type { RegistrationStatus, ServiceType } from "../../api/types.ts";

export interface FeeRow {
  contractId: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  serviceType: ServiceType;
  agencyName: string;
  agencyDistrict: string;
  clientName: string;
  price: number;
  pricingUnit: string;
  unit: string;
  unitPrice: number;
  flag: "inflated" | "dumping" | null;
}

export interface Fees {
  rule: { k: number; minGroupSize: number };
  items: FeeRow[];
  bands: { serviceType: ServiceType; unit: string; median: number; low: number; high: number; n: number }[];
  districts: { serviceType: ServiceType; unit: string; district: string; n: number; median: number }[];
}

export interface Candidate {
  id: string;
  name: string;
  district: string;
  serviceTypes: ServiceType[];
  licenceNumber: string | null;
  registrationStatus: RegistrationStatus;
  foreignBacked: boolean;
  staffCount: number;
  titledStaffCount: number;
  incidentCount: number;
  criticalIncidentCount: number;
  findingCount: number;
  completedProjects: number;
  equipmentCount: number;
  deviceCount: number;
  acceptancesPassed: number;
  acceptancesFailed: number;
  projectCount: number;
  prices: { serviceType: ServiceType; unit: string; median: number; contracts: number }[];
}

export const marketApi = {
  fees: (q: Query) => api.get<Fees>("/api/market/fees", q),
  exportUrl: (q: Query) => buildUrl("/api/market/fees/export.xlsx", q),
  compare: (ids: string[]) =>
    api.get<{ items: Candidate[] }>("/api/market/compare", { agencyIds: ids.join(",") }),
};
