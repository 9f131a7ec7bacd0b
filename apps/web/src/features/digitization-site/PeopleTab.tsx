// Z-5.6: people registered by name with badges (ID numbers masked but for the
// client and the agency manager); Z-7.1: the entry check and the exit log.
import { Checkbox, Flex, Form, Input, Select, Space, Tag, Typography } from "antd";
import { ApiError } from "../../api/client.ts";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { FilterSelect } from "../../components/FilterSelect.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { BANNED_ITEM, type BannedItem, type Entry, type Person, siteApi } from "./api.ts";
import { FormButton, optionsOf } from "./FormButton.tsx";
import type { TabProps } from "./SitePage.tsx";
import { usePaged } from "./usePaged.ts";

interface PersonValues {
  name: string;
  idNumber: string;
  badgeNo?: string;
  role: string;
}
interface EntryValues {
  personId: string;
  declaredItems?: BannedItem[];
  foundItems?: BannedItem[];
  note?: string;
}

export function PeopleTab({ d, reload }: TabProps) {
  const { t, pick } = useI18n();
  const m = t.digitizationSite;
  const notify = useNotify();
  const pid = d.project.id;
  const can = d.permissions;
  const pp = usePaged<{ q?: string; status?: string }>({});
  const people = useQuery((s) => siteApi.people(pid, pp.query, s), [pid, JSON.stringify(pp.query)]);
  const ep = usePaged<{ outcome?: string }>({});
  const entries = useQuery((s) => siteApi.entries(pid, ep.query, s), [pid, JSON.stringify(ep.query)]);
  const active = useQuery((s) => siteApi.people(pid, { status: "active", pageSize: 200 }, s), [pid]);
  const refresh = () => {
    people.reload();
    entries.reload();
    active.reload();
    reload();
  };
  const act = (p: Promise<unknown>) =>
    p
      .then(() => {
        notify.success(m.saved);
        refresh();
      })
      .catch(notify.error);
  const items = optionsOf(BANNED_ITEM, pick);

  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        <Space size={6}>
          {m.peopleRegister}
          <ClauseTag id="Z-5.6" />
        </Space>
      </Typography.Title>
      <Flex gap={12} wrap className="table-toolbar">
        <SearchInput
          value={pp.filters.q}
          onSearch={(q) => pp.setFilter({ q })}
          placeholder={m.searchPeople}
        />
        <FilterSelect
          placeholder={m.status}
          value={pp.filters.status}
          onChange={(status) => pp.setFilter({ status })}
          options={[
            { value: "active", label: m.active },
            { value: "revoked", label: m.revoked },
          ]}
        />
        <ExportButton href={siteApi.peopleExportUrl(pid, pp.filters)} />
        {can.register && (
          <FormButton<PersonValues>
            label={m.registerPerson}
            title={m.registerPerson}
            button={{ type: "primary" }}
            onSubmit={async (v) => {
              await siteApi.register(pid, { ...v, badgeNo: v.badgeNo?.trim() || undefined });
              notify.success(m.saved);
              refresh();
            }}
          >
            {() => (
              <>
                <Form.Item name="name" label={m.name} rules={[{ required: true }]}>
                  <Input maxLength={50} />
                </Form.Item>
                <Form.Item name="idNumber" label={m.idNumber} rules={[{ required: true, min: 6 }]}>
                  <Input maxLength={30} />
                </Form.Item>
                <Form.Item name="badgeNo" label={m.badgeNo}>
                  <Input maxLength={30} />
                </Form.Item>
                <Form.Item name="role" label={m.role} rules={[{ required: true }]}>
                  <Input maxLength={50} />
                </Form.Item>
              </>
            )}
          </FormButton>
        )}
      </Flex>
      <PagedTable<Person>
        list={people}
        paging={{ page: pp.page, pageSize: pp.pageSize, set: pp.set }}
        filtered={!!(pp.filters.q || pp.filters.status)}
        empty={m.peopleEmpty}
        size="small"
        scroll={{ x: 1000 }}
        columns={[
          {
            title: m.badgeNo,
            width: 100,
            render: (_, p) => <span className="mono">{p.badgeNo ?? "—"}</span>,
          },
          {
            title: m.name,
            width: 140,
            render: (_, p) => (
              <Space size={4}>
                {p.name}
                {p.onSite && <Tag color="green">{m.onSiteNow}</Tag>}
              </Space>
            ),
          },
          { title: m.idNumber, width: 190, render: (_, p) => <span className="mono">{p.idNumber}</span> },
          { title: m.org, ellipsis: true, dataIndex: "orgName" },
          { title: m.role, width: 120, dataIndex: "role" },
          {
            title: m.status,
            width: 170,
            render: (_, p) => (
              <Space size={4} wrap>
                <Tag color={p.status === "active" ? "green" : "default"}>
                  {p.status === "active" ? m.active : m.revoked}
                </Tag>
                {p.designatedOperator && <Tag color="purple">{m.designatedOperator}</Tag>}
              </Space>
            ),
          },
          ...(can.register
            ? [
                {
                  title: "",
                  width: 170,
                  render: (_: unknown, p: Person) =>
                    p.status === "active" && (
                      <Space size={8}>
                        <Typography.Link
                          onClick={() => act(siteApi.designatePerson(p.id, !p.designatedOperator))}
                        >
                          {p.designatedOperator ? m.undesignate : m.designate}
                        </Typography.Link>
                        <Typography.Link type="danger" onClick={() => act(siteApi.revoke(p.id))}>
                          {m.revoke}
                        </Typography.Link>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />

      <Typography.Title level={5}>
        <Space size={6}>
          {m.entryLog}
          <ClauseTag id="Z-7.1" />
        </Space>
      </Typography.Title>
      <Flex gap={12} wrap className="table-toolbar">
        <FilterSelect
          placeholder={m.status}
          value={ep.filters.outcome}
          onChange={(outcome) => ep.setFilter({ outcome })}
          options={[
            { value: "admitted", label: m.admitted },
            { value: "refused", label: m.refused },
          ]}
        />
        {can.record && (
          <FormButton<EntryValues>
            label={m.checkIn}
            title={m.checkIn}
            button={{ type: "primary" }}
            onSubmit={async (v) => {
              const r = await siteApi.checkIn(pid, {
                personId: v.personId,
                declaredItems: v.declaredItems ?? [],
                foundItems: v.foundItems ?? [],
                ...(v.note?.trim() ? { note: v.note.trim() } : {}),
              });
              if (r.refusal) notify.error(new ApiError(422, r.refusal));
              else notify.success(m.saved);
              refresh();
            }}
          >
            {() => (
              <>
                <Form.Item name="personId" label={m.person} rules={[{ required: true }]}>
                  <Select
                    showSearch={{ optionFilterProp: "label" }}
                    options={(active.data?.items ?? []).map((p) => ({
                      value: p.id,
                      label: `${p.badgeNo ?? "—"} ${p.name}`,
                    }))}
                  />
                </Form.Item>
                <Form.Item name="declaredItems" label={m.declared}>
                  <Checkbox.Group options={items} />
                </Form.Item>
                <Form.Item name="foundItems" label={m.found}>
                  <Checkbox.Group options={items} />
                </Form.Item>
                <Form.Item name="note" label={m.note}>
                  <Input maxLength={500} />
                </Form.Item>
              </>
            )}
          </FormButton>
        )}
      </Flex>
      <PagedTable<Entry>
        list={entries}
        paging={{ page: ep.page, pageSize: ep.pageSize, set: ep.set }}
        filtered={!!ep.filters.outcome}
        empty={m.entryEmpty}
        size="small"
        columns={[
          { title: m.day, width: 110, dataIndex: "day" },
          { title: m.person, width: 160, render: (_, e) => `${e.badgeNo ?? ""} ${e.personName}` },
          {
            title: m.status,
            width: 90,
            render: (_, e) => (
              <Tag color={e.outcome === "admitted" ? "green" : "red"}>
                {e.outcome === "admitted" ? m.admitted : m.refused}
              </Tag>
            ),
          },
          {
            title: m.bannedItems,
            render: (_, e) => e.bannedItems.map((i) => pick(BANNED_ITEM[i])).join("、") || "—",
          },
          { title: m.checkedAt, width: 150, render: (_, e) => formatDateTime(e.checkedAt) },
          {
            title: m.exitedAt,
            width: 150,
            render: (_, e) =>
              e.exitedAt ? (
                formatDateTime(e.exitedAt)
              ) : e.outcome === "admitted" && can.record ? (
                <Typography.Link onClick={() => act(siteApi.checkOut(e.id))}>{m.exit}</Typography.Link>
              ) : (
                "—"
              ),
          },
        ]}
      />
    </>
  );
}
