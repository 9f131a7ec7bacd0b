// Users of my organisation (administrators): search, pagination, add, edit
// roles and status, unlock, reset password, reset a lost second factor.

import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Popconfirm, Space, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { usersApi } from "../../api/endpoints.ts";
import type { Role, User } from "../../api/types.ts";
import { NotFound } from "../../components/NotFound.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMeta } from "../../session/MetaContext.tsx";
import { isOrgAdmin } from "../../session/roles.ts";
import { useMe } from "../../session/SessionContext.tsx";
import { ResetPasswordModal, UserFormModal } from "./UserModals.tsx";

const FILTERS = ["q"] as const;

export function UsersPage() {
  const { t } = useI18n();
  const { labels } = useMeta();
  const me = useMe();
  const notify = useNotify();
  const u = t.users;
  const f = useUrlFilters(FILTERS);
  const query = { q: f.values.q, page: f.page, pageSize: f.pageSize };
  const list = useQuery((signal) => usersApi.list(query, signal), [JSON.stringify(query)]);
  const [editing, setEditing] = useState<User | "new" | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  if (!isOrgAdmin(me)) return <NotFound forbidden />;

  const unlock = async (user: User) => {
    try {
      await usersApi.unlock(user.id);
      notify.success(u.unlocked);
      list.reload();
    } catch (e) {
      notify.error(e);
    }
  };

  const resetMfa = async (user: User) => {
    try {
      await usersApi.resetMfa(user.id);
      notify.success(u.mfaReset);
      list.reload();
    } catch (e) {
      notify.error(e);
    }
  };

  const columns: ColumnsType<User> = [
    {
      title: u.username,
      dataIndex: "username",
      render: (name: string, r) => (
        <Space size={6}>
          <span className="mono">{name}</span>
          {r.id === me.id && <Tag color="blue">{u.me}</Tag>}
        </Space>
      ),
    },
    { title: u.displayName, dataIndex: "displayName" },
    {
      title: u.roles,
      dataIndex: "roles",
      render: (roles: Role[]) => (
        <Space size={[4, 4]} wrap>
          {roles.map((r) => (
            <Tag key={r}>{labels.role(r)}</Tag>
          ))}
        </Space>
      ),
    },
    { title: u.phone, dataIndex: "phone", width: 130, render: (p: string | null) => p ?? "—" },
    {
      title: u.active,
      key: "state",
      width: 180,
      render: (_, r) => (
        <Space size={4} wrap>
          <Tag color={r.active ? "success" : "default"}>{r.active ? u.activeYes : u.activeNo}</Tag>
          {r.locked && (
            <Tooltip title={u.lockedUntil(formatDateTime(r.lockedUntil))}>
              <Tag color="error">{u.locked}</Tag>
            </Tooltip>
          )}
          {r.mfaEnabled && <Tag color="geekblue">{u.mfa}</Tag>}
        </Space>
      ),
    },
    {
      title: t.common.actions,
      key: "actions",
      width: 260,
      render: (_, r) => (
        <Space size={4} wrap>
          <Typography.Link onClick={() => setEditing(r)}>{u.edit}</Typography.Link>
          <Typography.Link onClick={() => setResetting(r)}>{u.resetPassword}</Typography.Link>
          {r.locked && (
            <Popconfirm title={u.unlock} onConfirm={() => void unlock(r)}>
              <Typography.Link>{u.unlock}</Typography.Link>
            </Popconfirm>
          )}
          {r.mfaEnabled && r.id !== me.id && (
            <Popconfirm
              title={u.resetMfa}
              description={<div style={{ maxWidth: 320 }}>{u.resetMfaConfirm}</div>}
              onConfirm={() => void resetMfa(r)}
            >
              <Typography.Link type="danger">{u.resetMfa}</Typography.Link>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={u.title}
        subtitle={u.subtitle(me.org.name)}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {u.add}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput value={f.values.q} onSearch={(q) => f.set({ q })} placeholder={u.searchPlaceholder} />
        </Flex>
        <PagedTable
          list={list}
          paging={f}
          filtered={!!f.values.q}
          empty={u.empty}
          columns={columns}
          scroll={{ x: 900 }}
        />
      </Card>
      <UserFormModal
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
