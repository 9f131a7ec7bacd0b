// Z-6.1, Z-6.2: the volumes to digitize with search, filters, paging and export;
// the client imports the list, screens (cleared / flagged) and unshelves; a
// refused import shows its problems by row and column.
import { UploadOutlined } from "@ant-design/icons";
import { Button, Flex, Input, Modal, Space, Table, Tag, Upload } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { type ApiError, asApiError } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { FilterSelect } from "../../components/FilterSelect.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import {
  originalsApi,
  SCREENING,
  type Screening,
  VOLUME_STATUS,
  type Volume,
  type VolumeStatus,
} from "./api.ts";
import { VolumeActions } from "./VolumeActions.tsx";

interface Problem {
  row: number;
  column: string | null;
  header: string | null;
  message: { zh: string; en: string };
}

export function VolumesTab({ projectId }: { projectId: string }) {
  const { t, pick } = useI18n();
  const m = t.digitizationOriginals;
  const notify = useNotify();
  const [f, setF] = useState<{
    q?: string;
    screening?: string;
    status?: string;
    page: number;
    pageSize: number;
  }>({
    page: 1,
    pageSize: 20,
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [flagNote, setFlagNote] = useState<string | null>(null);
  const list = useQuery((s) => originalsApi.volumes(projectId, f, s), [projectId, JSON.stringify(f)]);
  const may = list.data?.permissions;
  const set = (patch: Partial<typeof f>) => setF((x) => ({ ...x, page: 1, ...patch }));
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      notify.success(m.saved);
      setSelected([]);
      list.reload();
    } catch (e) {
      notify.error(e);
    }
  };
  const problems = (refused?.details?.problems ?? []) as Problem[];
  return (
    <>
      <Flex gap={12} wrap className="table-toolbar">
        <SearchInput value={f.q} onSearch={(q) => set({ q })} placeholder={m.searchVolumes} />
        <FilterSelect
          placeholder={m.allScreening}
          value={f.screening}
          onChange={(screening) => set({ screening })}
          options={Object.entries(SCREENING).map(([value, l]) => ({ value, label: pick(l) }))}
        />
        <FilterSelect
          placeholder={m.allStatuses}
          value={f.status}
          onChange={(status) => set({ status })}
          options={Object.entries(VOLUME_STATUS).map(([value, l]) => ({ value, label: pick(l) }))}
        />
        <ExportButton
          href={originalsApi.volumesExportUrl(projectId, {
            q: f.q,
            screening: f.screening,
            status: f.status,
          })}
        />
        {may?.register && (
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              setRefused(null);
              originalsApi.importVolumes(projectId, file).then(
                (r) => {
                  notify.success(m.imported(r.imported));
                  list.reload();
                },
                (e) => setRefused(asApiError(e)),
              );
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} title={m.importHint} data-testid="import-volumes">
              {m.importList}
            </Button>
          </Upload>
        )}
      </Flex>
      {refused && (
        <>
          <ErrorAlert error={refused} onClose={() => setRefused(null)} />
          {problems.length > 0 && (
            <Table<Problem>
              size="small"
              title={() => m.importProblems}
              rowKey={(p) => `${p.row}-${p.column}-${pick(p.message)}`}
              dataSource={problems}
              pagination={{ pageSize: 10 }}
              style={{ marginBottom: 16 }}
              columns={[
                { title: m.row, dataIndex: "row", width: 80 },
                { title: m.column, width: 160, render: (_, p) => p.header ?? p.column ?? "—" },
                { title: "", render: (_, p) => pick(p.message) },
              ]}
            />
          )}
        </>
      )}
      {selected.length > 0 && (
        <Space style={{ marginBottom: 12 }} wrap>
          <span>{m.selected(selected.length)}</span>
          {may?.screen && (
            <>
              <Button onClick={() => run(() => originalsApi.screen(projectId, selected, "cleared"))}>
                {m.clear}
              </Button>
              <Button danger onClick={() => setFlagNote("")}>
                {m.flag}
              </Button>
            </>
          )}
          {may?.unshelve && (
            <Button onClick={() => run(() => originalsApi.unshelve(projectId, selected))}>
              {m.unshelve}
            </Button>
          )}
        </Space>
      )}
      <PagedTable<Volume>
        list={list}
        paging={{ page: f.page, pageSize: f.pageSize, set: (p) => setF((x) => ({ ...x, ...p })) }}
        filtered={!!(f.q || f.screening || f.status)}
        empty={m.noVolumes}
        rowKey="id"
        rowSelection={
          may?.screen || may?.unshelve
            ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) }
            : undefined
        }
        scroll={{ x: 1200 }}
        columns={[
          { title: m.referenceCode, width: 220, dataIndex: "referenceCode" },
          { title: m.volumeTitle, ellipsis: true, dataIndex: "title" },
          { title: m.items, width: 70, dataIndex: "itemCount" },
          { title: m.pages, width: 70, render: (_, v) => v.expectedPages ?? "—" },
          {
            title: m.screening,
            width: 130,
            render: (_, v) => (
              <Tag color={SCREENING[v.screening as Screening].color}>{pick(SCREENING[v.screening])}</Tag>
            ),
          },
          {
            title: m.status,
            width: 150,
            render: (_, v) => (
              <Space size={4}>
                <Tag color={VOLUME_STATUS[v.status as VolumeStatus].color}>
                  {pick(VOLUME_STATUS[v.status])}
                </Tag>
                {v.openStopId && <Tag color="red">{m.stopped}</Tag>}
              </Space>
            ),
          },
          { title: m.batch, width: 90, render: (_, v) => v.batchCode ?? "—" },
          { title: m.workstation, width: 130, render: (_, v) => v.workstationName ?? "—" },
          {
            title: "",
            width: 220,
            render: (_, v) => (
              <Space size={4}>
                <Link to={`/digitization/volumes/${v.id}`}>{m.chain}</Link>
                {may && <VolumeActions volume={v} may={may} onDone={list.reload} />}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={flagNote !== null}
        title={m.flag}
        onCancel={() => setFlagNote(null)}
        onOk={() => {
          const note = flagNote ?? "";
          setFlagNote(null);
          void run(() => originalsApi.screen(projectId, selected, "flagged", note || undefined));
        }}
      >
        <Input.TextArea
          placeholder={m.flagNote}
          value={flagNote ?? ""}
          onChange={(e) => setFlagNote(e.target.value)}
        />
      </Modal>
    </>
  );
}
