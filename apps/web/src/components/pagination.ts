// Server-side pagination settings for antd tables.
import type { TablePaginationConfig } from "antd";

export function serverPagination(
  page: number,
  pageSize: number,
  total: number | undefined,
  showTotal: (n: number) => string,
  onChange: (page: number, pageSize: number) => void,
): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (n) => showTotal(n),
    onChange,
  };
}
