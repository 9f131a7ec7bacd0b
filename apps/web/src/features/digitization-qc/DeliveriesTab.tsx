// Deliveries of a project's batches and their check jobs, with progress while
// they run; the agency uploads a zip/tar delivery for a batch here.
import { UploadOutlined } from "@ant-design/icons";
import { Button, Flex, Select, Upload } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { FilterSelect } from "../../components/FilterSelect.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { formatDateTime, formatSize } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { originalsApi } from "../digitization-originals/api.ts";
import { DELIVERY_STATUS, type Delivery, type DeliveryStatus, qcApi } from "./api.ts";
import { DeliveryProgress, OutcomeTag, running } from "./tags.tsx";

const FILTERS = ["batch", "status"] as const;

export function DeliveriesTab({ projectId }: { projectId: string }) {
  const { t, pick } = useI18n();
  const m = t.digitizationQc;
  const notify = useNotify();
  const f = useUrlFilters(FILTERS);
  const v = f.values;
  const query = { projectId, batchId: v.batch, status: v.status, page: f.page, pageSize: f.pageSize };
  const list = useQuery((s) => qcApi.deliveries(query, s), [JSON.stringify(query)]);
  const batches = useQuery(() => originalsApi.batches(projectId), [projectId]);
  const terms = useQuery((s) => qcApi.terms(projectId, s), [projectId]);
  const [purpose, setPurpose] = useState("preservation");
  const [busy, setBusy] = useState(false);
  const anyRunning = (list.data?.items ?? []).some(running);
  // Poll while a check runs, like the catalogue import jobs.
  useEffect(() => {
    if (!anyRunning) return;
    const id = setInterval(list.reload, 1500);
    return () => clearInterval(id);
  }, [anyRunning, list.reload]);

  const canIngest = terms.data?.permissions.ingest ?? false;
  return (
    <>
      <Flex gap={12} wrap className="table-toolbar">
        <FilterSelect
          placeholder={m.allBatches}
          value={v.batch}
          onChange={(batch) => f.set({ batch })}
          options={(batches.data?.items ?? []).map((b) => ({
            value: b.id,
            label: `${b.code} ${b.title ?? ""}`,
          }))}
        />
        <FilterSelect
          placeholder={m.allStatuses}
          value={v.status}
          onChange={(status) => f.set({ status })}
          options={(Object.keys(DELIVERY_STATUS) as DeliveryStatus[]).map((k) => ({
            value: k,
            label: pick(DELIVERY_STATUS[k]),
          }))}
        />
        {canIngest && (
          <>
            <Select
              value={purpose}
              onChange={setPurpose}
              style={{ width: 130 }}
              options={[
                { value: "preservation", label: m.preservation },
                { value: "access", label: m.access },
              ]}
            />
            <Upload
              accept=".zip,.tar,.tgz,.gz"
              showUploadList={false}
              disabled={!v.batch || busy}
              beforeUpload={(file) => {
                if (!v.batch) return false;
                setBusy(true);
                qcApi
                  .upload(v.batch, file, purpose)
                  .then(() => {
                    notify.success(m.uploaded);
                    list.reload();
                  }, notify.error)
                  .finally(() => setBusy(false));
                return false;
              }}
            >
              <Button
                icon={<UploadOutlined />}
                loading={busy}
                disabled={!v.batch}
                title={v.batch ? m.uploadHint : m.pickBatch}
                data-testid="qc-upload"
              >
                {m.upload}
              </Button>
            </Upload>
          </>
        )}
      </Flex>
      <PagedTable<Delivery>
        list={list}
        paging={{ page: f.page, pageSize: f.pageSize, set: f.set }}
        filtered={FILTERS.some((k) => v[k])}
        empty={m.noDeliveries}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: m.batch,
            width: 150,
            render: (_, d) => (
              <Link to={`/digitization/qc/deliveries/${d.id}`}>{`${d.batchCode} · ${d.seq}`}</Link>
            ),
          },
          { title: m.source, width: 220, ellipsis: true, render: (_, d) => d.sourceName },
          {
            title: m.purpose,
            width: 100,
            render: (_, d) => (d.purpose === "access" ? m.access : m.preservation),
          },
          { title: m.progress, width: 170, render: (_, d) => <DeliveryProgress d={d} /> },
          { title: m.outcome, width: 100, render: (_, d) => <OutcomeTag outcome={d.outcome} /> },
          { title: m.files, width: 80, dataIndex: "totalFiles" },
          { title: m.failedFiles, width: 90, dataIndex: "failedFiles" },
          { title: m.size, width: 100, render: (_, d) => formatSize(d.totalBytes) },
          { title: m.handedIn, width: 160, render: (_, d) => formatDateTime(d.createdAt) },
        ]}
      />
    </>
  );
}
