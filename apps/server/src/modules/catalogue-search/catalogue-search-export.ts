// The search results as a spreadsheet, headed in both languages.
import { retentionLabel } from "@dangan/domain";
import type { XlsxColumn } from "../../lib/xlsx.ts";
import type { SearchRow } from "./catalogue-search.repository.ts";

export const SEARCH_EXPORT_COLUMNS: XlsxColumn<SearchRow>[] = [
  { header: "档号 Reference code", width: 28, value: (r) => r.referenceCode },
  { header: "题名 Title", width: 50, value: (r) => r.title },
  { header: "年度 Year", width: 8, value: (r) => r.year },
  { header: "门类 Category", width: 10, value: (r) => r.category },
  {
    header: "保管期限 Retention",
    width: 12,
    value: (r) => (r.retentionPeriod ? retentionLabel(r.retentionPeriod) : ""),
  },
  { header: "盒号 Box no.", width: 12, value: (r) => r.boxNo },
  { header: "件数 Quantity", width: 10, value: (r) => r.quantity },
  { header: "页数 Pages", width: 10, value: (r) => r.pages },
  { header: "项目 Project", width: 30, value: (r) => r.projectName },
];
