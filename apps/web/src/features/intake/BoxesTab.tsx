// The batch's boxes, box by box: make boxes while boxing (D-8.5), seal them
// (D-8.6), inspect them on arrival (D-8.8), shelve them (D-9.1, D-9.11) and
// record their condition (D-8.4). A scanned barcode opens the box's next task.
import { FilePdfOutlined } from "@ant-design/icons";
import { App, Button, Flex, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link } from "react-router-dom";
import { EmptyState } from "../../components/EmptyState.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type BatchBox, type BatchDetail, intakeApi } from "./api.ts";
import { BoxingPanel } from "./BoxingPanel.tsx";
import { type BoxTask, BoxTaskModal } from "./BoxTaskModal.tsx";
import { BOX_KIND, BOX_STATUS, CONDITION } from "./labels.ts";
import { ScanInput } from "./ScanInput.tsx";

/** The task a box is waiting for at the batch's current step, if any. */
export function taskFor(batch: BatchDetail, box: BatchBox): BoxTask | null {
  if (!batch.permissions.handleBoxes) return null;
  if (["boxing", "sealing"].includes(batch.status) && box.status === "packing") return "seal";
  if (batch.status === "inspection" && box.status === "in_transit") return "inspect";
  if (batch.status === "shelving" && box.status === "received") return "shelve";
  return null;
}

export function BoxesTab({ batch, onChanged }: { batch: BatchDetail; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const i = t.intake;
  const { message } = App.useApp();
  const [task, setTask] = useState<{ box: BatchBox; task: BoxTask } | null>(null);
  const boxes = batch.boxes;
  const taskLabel = (k: BoxTask) =>
    ({ seal: i.taskSeal, inspect: i.taskInspect, shelve: i.taskShelve, condition: i.taskCondition })[k];
  const conditionOpen =
    batch.permissions.recordCondition && !["site_visit", "transport", "completed"].includes(batch.status);

  const onScan = (code: string) => {
    const box = boxes.find((x) => x.barcode === code);
    if (!box) return void message.warning(i.scanUnknown(code));
    const next = taskFor(batch, box);
    if (next) setTask({ box, task: next });
    else void message.info(i.scanNothing(box.boxNo, pick(BOX_STATUS[box.status])));
  };

  const columns: ColumnsType<BatchBox> = [
    {
      title: i.boxNo,
      dataIndex: "boxNo",
      width: 80,
      render: (n: string, r) => <Link to={`/boxes/${r.id}`}>{n}</Link>,
    },
    {
      title: i.barcode,
      dataIndex: "barcode",
      width: 170,
      render: (c: string) => <span className="mono">{c}</span>,
    },
    { title: i.kind, dataIndex: "kind", width: 110, render: (k: BatchBox["kind"]) => pick(BOX_KIND[k]) },
    { title: i.items, dataIndex: "itemCount", width: 70, align: "right" },
    {
      title: i.status,
      dataIndex: "status",
      width: 120,
      render: (s: BatchBox["status"]) => (
        <Tag color={BOX_STATUS[s].color} data-status={s}>
          {pick(BOX_STATUS[s])}
        </Tag>
      ),
    },
    {
      title: i.condition,
      dataIndex: "condition",
      width: 100,
      render: (c: string | null) =>
        c ? (
          <Tag color={CONDITION[c as "good"]?.color}>
            {CONDITION[c as "good"] ? pick(CONDITION[c as "good"]) : c}
          </Tag>
        ) : (
          "—"
        ),
    },
    { title: i.sealNumber, dataIndex: "sealNumber", width: 110, render: (s: string | null) => s ?? "—" },
    {
      title: i.inspection,
      width: 110,
      render: (_, r) =>
        !r.inspectionId ? (
          "—"
        ) : r.incidentId ? (
          <Tag color="error">{i.anomaly}</Tag>
        ) : (
          <Tag color="success">{i.noAnomaly}</Tag>
        ),
    },
    {
      title: i.location,
      width: 170,
      render: (_, r) => (r.locationCode ? `${r.vaultName ?? ""} · ${r.locationCode}` : "—"),
    },
    {
      title: t.common.actions,
      width: 220,
      fixed: "right",
      render: (_, r) => {
        const next = taskFor(batch, r);
        return (
          <Space size={4} wrap>
            {next && (
              <Button
                size="small"
                type="primary"
                onClick={() => setTask({ box: r, task: next })}
                data-task={next}
              >
                {taskLabel(next)}
              </Button>
            )}
            {conditionOpen && r.status !== "returned_to_client" && (
              <Button size="small" onClick={() => setTask({ box: r, task: "condition" })}>
                {taskLabel("condition")}
              </Button>
            )}
            <Button
              size="small"
              type="text"
              icon={<FilePdfOutlined />}
              href={intakeApi.labelsUrl(batch.id, r.id)}
              target="_blank"
              aria-label={i.labels}
            />
          </Space>
        );
      },
    },
  ];

  return (
    <div data-testid="boxes-tab">
      <Typography.Paragraph type="secondary">{i.boxesIntro}</Typography.Paragraph>
      {batch.status === "boxing" && batch.permissions.handleBoxes && (
        <BoxingPanel batch={batch} onChanged={onChanged} />
      )}
      <Flex gap={12} wrap className="table-toolbar" align="center">
        {batch.permissions.handleBoxes && batch.status !== "completed" && <ScanInput onScan={onScan} />}
        <Typography.Text type="secondary">{i.boxSummary(boxes.length, batch.unboxedItems)}</Typography.Text>
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={boxes}
        scroll={{ x: 1300 }}
        pagination={boxes.length > 20 ? { pageSize: 20 } : false}
        rowClassName={(r) => (r.status === "returned_to_client" ? "row-muted" : "")}
        locale={{ emptyText: <EmptyState text={i.noBoxes} /> }}
      />
      {task && (
        <BoxTaskModal
          batch={batch}
          box={task.box}
          task={task.task}
          onClose={() => setTask(null)}
          onDone={() => {
            setTask(null);
            onChanged();
          }}
        />
      )}
    </div>
  );
}
