// Counting shelf by shelf (D-9.8): scan the location barcode, then the boxes
// found there, close the shelf; record pests or mould; complete the check.
import { BugOutlined, CheckCircleOutlined, SwapOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Flex, Row, Space, Statistic, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { asApiError } from "../../api/client.ts";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type InventoryCheckDetail, inventoryApi, type ShelfScan } from "./api.ts";
import { BarcodeInput } from "./BarcodeInput.tsx";
import { FindingModal } from "./FindingModal.tsx";

type Feedback = { type: "success" | "warning" | "error" | "info"; text: string };

export function ScanPanel({ check, onChanged }: { check: InventoryCheckDetail; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const i = t.inventory;
  const notify = useNotify();
  const { modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>();
  const [changing, setChanging] = useState(false);
  const [finding, setFinding] = useState<string | undefined | null>(null);
  const shelf = check.openShelf;
  const locationMode = !shelf || changing;

  const run = async (work: () => Promise<Feedback>) => {
    setBusy(true);
    try {
      setFeedback(await work());
      onChanged();
    } catch (e) {
      const err = asApiError(e);
      setFeedback({ type: "error", text: `${pick(err.messages)}${err.clause ? ` (${err.clause})` : ""}` });
    } finally {
      setBusy(false);
    }
  };

  const onScan = (code: string) =>
    run(async () => {
      if (locationMode) {
        const r = await inventoryApi.openShelf(check.id, code);
        setChanging(false);
        return { type: "info", text: i.shelfOpened(r.code) };
      }
      const r = await inventoryApi.scan(check.id, code);
      if (r.duplicate) return { type: "info", text: `${r.barcode} · ${i.duplicate}` };
      if (r.status === "recorded_here")
        return { type: "success", text: `${r.boxNo} · ${i.statusRecordedHere}` };
      if (r.status === "recorded_elsewhere")
        return {
          type: "warning",
          text: `${r.boxNo} · ${r.recordedLocation ? i.statusRecordedElsewhere(r.recordedLocation) : i.statusCheckedOut}`,
        };
      return { type: "error", text: `${r.barcode} · ${i.statusUnknown}` };
    });

  const closeShelf = () =>
    run(async () => {
      const r = await inventoryApi.closeShelf(check.id);
      return { type: "info", text: i.shelfClosed(r.code) };
    });

  const complete = () =>
    modal.confirm({
      title: i.complete,
      content: i.completeConfirm,
      okText: i.complete,
      cancelText: t.common.cancel,
      onOk: async () => {
        try {
          await inventoryApi.complete(check.id);
          notify.success(i.completeDone);
          onChanged();
        } catch (e) {
          notify.error(e);
        }
      },
    });

  const statusTag = (s: ShelfScan) => {
    if (!s.boxNo) return <Tag color="purple">{i.statusUnknown}</Tag>;
    if (s.recordedLocationId === shelf?.locationId) return <Tag color="green">{i.statusRecordedHere}</Tag>;
    return (
      <Tag color="orange">
        {s.recordedLocation ? i.statusRecordedElsewhere(s.recordedLocation) : i.statusCheckedOut}
      </Tag>
    );
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={16}>
        <Card
          title={i.scanTitle}
          extra={
            <Space>
              <Button
                icon={<BugOutlined />}
                onClick={() => setFinding(undefined)}
                data-testid="record-finding"
              >
                {i.recordFinding}
              </Button>
              <Button
                type="primary"
                icon={<CheckCircleOutlined />}
                onClick={complete}
                disabled={!!shelf}
                data-testid="complete-check"
              >
                {i.complete}
              </Button>
            </Space>
          }
        >
          <Flex align="center" gap={12} style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">{i.currentShelf}</Typography.Text>
            {shelf ? (
              <Tag
                color="blue"
                className="mono"
                style={{ fontSize: 16, padding: "2px 10px" }}
                data-testid="open-shelf"
              >
                {shelf.code}
              </Tag>
            ) : (
              <Typography.Text type="warning">{i.noShelfOpen}</Typography.Text>
            )}
            {shelf && (
              <>
                <Button size="small" onClick={() => void closeShelf()} data-testid="close-shelf">
                  {i.closeShelf}
                </Button>
                <Button
                  size="small"
                  type="link"
                  icon={<SwapOutlined />}
                  onClick={() => setChanging(!changing)}
                >
                  {i.changeShelf}
                </Button>
              </>
            )}
          </Flex>
          <Typography.Paragraph strong style={{ marginBottom: 8 }}>
            {locationMode ? i.scanLocationPrompt : i.scanBoxPrompt}
          </Typography.Paragraph>
          <BarcodeInput
            busy={busy}
            placeholder={locationMode ? i.scanLocationPlaceholder : i.scanBoxPlaceholder}
            onScan={onScan}
            testId={locationMode ? "scan-location" : "scan-box"}
          />
          {feedback && (
            <Alert
              type={feedback.type}
              showIcon
              title={feedback.text}
              style={{ marginTop: 12 }}
              data-testid="scan-feedback"
            />
          )}
          {shelf && (
            <Table<ShelfScan>
              style={{ marginTop: 16 }}
              rowKey="id"
              size="small"
              title={() => i.boxesHere}
              dataSource={shelf.scans}
              pagination={false}
              locale={{ emptyText: i.noBoxesHere }}
              columns={[
                { title: i.barcode, render: (_, s) => <span className="mono">{s.barcode}</span> },
                { title: i.boxNo, width: 120, render: (_, s) => s.boxNo ?? "—" },
                { title: t.common.status, render: (_, s) => statusTag(s) },
                {
                  title: t.common.actions,
                  width: 120,
                  render: (_, s) =>
                    s.boxNo && (
                      <Button size="small" type="link" onClick={() => setFinding(s.barcode)}>
                        {i.recordFinding}
                      </Button>
                    ),
                },
              ]}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card style={{ marginBottom: 16 }}>
          <Row gutter={8}>
            <Col span={8}>
              <Statistic title={i.expected} value={check.expected} />
            </Col>
            <Col span={8}>
              <Statistic title={i.scanned} value={check.scanned} />
            </Col>
            <Col span={8}>
              <Statistic title={i.shelvesDone} value={check.shelves.filter((s) => s.closedAt).length} />
            </Col>
          </Row>
        </Card>
        <Card title={i.shelves} size="small" style={{ marginBottom: 16 }}>
          <Table
            rowKey="locationId"
            size="small"
            dataSource={check.shelves}
            pagination={false}
            columns={[
              { title: i.shelves, render: (_, s) => <span className="mono">{s.code}</span> },
              { title: i.scanned, dataIndex: "scans", width: 70, align: "right" },
              {
                title: t.common.status,
                width: 90,
                render: (_, s) =>
                  s.closedAt ? <Tag>{i.closedAt}</Tag> : <Tag color="blue">{i.inProgress}</Tag>,
              },
            ]}
          />
        </Card>
        {check.findings.length > 0 && (
          <Card title={i.findings} size="small">
            {check.findings.map((f) => (
              <Typography.Paragraph key={f.id} style={{ marginBottom: 6 }}>
                <Tag color="volcano">{f.boxNo}</Tag>
                {f.note}
              </Typography.Paragraph>
            ))}
          </Card>
        )}
      </Col>
      <FindingModal
        checkId={check.id}
        open={finding !== null}
        barcode={finding ?? undefined}
        onClose={() => setFinding(null)}
        onRecorded={() => {
          setFinding(null);
          onChanged();
        }}
      />
    </Row>
  );
}
