// A server-paged list: the query's error, the table, pagination bound to the
// URL filters and an empty state that says whether filters hid everything.
import { Table, type TableProps } from "antd";
import type { ReactNode } from "react";
import type { QueryState } from "../hooks/useQuery.ts";
import { useI18n } from "../i18n/LocaleContext.tsx";
import { EmptyState } from "./EmptyState.tsx";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { serverPagination } from "./pagination.ts";

interface Paged<T> {
  items: T[];
  total: number;
}

interface Props<T> extends Omit<TableProps<T>, "dataSource" | "pagination" | "loading"> {
  list: QueryState<Paged<T>>;
  paging: { page: number; pageSize: number; set: (p: { page: number; pageSize: number }) => void };
  /** Whether any filter is set: the empty state then says so. */
  filtered: boolean;
  /** What to show when nothing exists yet (text, or a whole empty state with an action). */
  empty: ReactNode;
}

export function PagedTable<T extends object>({ list, paging, filtered, empty, ...table }: Props<T>) {
  const { t } = useI18n();
  return (
    <>
      <ErrorAlert error={list.error} />
      <Table<T>
        rowKey="id"
        size="middle"
        {...table}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={serverPagination(
          paging.page,
          paging.pageSize,
          list.data?.total,
          t.common.total,
          (page, pageSize) => paging.set({ page, pageSize }),
        )}
        locale={{
          emptyText: filtered ? (
            <EmptyState text={t.common.emptyFiltered} />
          ) : typeof empty === "string" ? (
            <EmptyState text={empty} />
          ) : (
            empty
          ),
        }}
      />
    </>
  );
}
