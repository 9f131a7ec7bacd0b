// D-11.2 on the request page: each returned box goes back to its recorded home
// location. A scanned location barcode re-shelves the box whose home it is; a
// code that is nobody's home is refused here (the server checks again).
import { Alert, Button, Card, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import type { BoxStatus } from "../intake/api.ts";
import { BOX_STATUS } from "../intake/labels.ts";
import { BarcodeInput } from "../inventory/BarcodeInput.tsx";
import { type RequestServices, type ServiceBox, useServicesApi } from "./api.ts";

const isHome = (b: ServiceBox) => b.status !== "checked_out" && b.locationId === b.homeLocationId;

export function ReshelvePanel({ d, onDone }: { d: RequestServices; onDone: () => void }) {
  const { t, pick } = useI18n();
  const m = t.useServices;
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<{ ok: boolean; text: string }>();
  const waiting = d.boxes.filter((b) => !isHome(b));
  const latest = d.returnChecks.at(-1);
  const blocked = !latest || (latest.outcome === "discrepancy" && !latest.reportedAt);
  const can = d.permissions.serve && d.request.status === "returned" && !blocked;
  const shelve = async (b: ServiceBox) => {
    setBusy(true);
    try {
      await useServicesApi.reshelve(d.request.id, { boxId: b.id, locationId: b.homeLocationId! });
      setLast({ ok: true, text: m.reshelvedBox(b.boxNo, b.homeCode ?? "") });
      onDone();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };
  const onScan = async (code: string) => {
    const box = waiting.find((b) => b.homeCode?.toUpperCase() === code.toUpperCase());
    if (!box) {
      setLast({ ok: false, text: m.notHome(code) });
      return;
    }
    await shelve(box);
  };
  return (
    <Card title={m.reshelve} data-testid="reshelve-panel">
      <Typography.Paragraph type="secondary">{blocked ? m.checkFirst : m.reshelveHint}</Typography.Paragraph>
      {can && waiting.length > 0 && (
        <Space direction="vertical" style={{ width: "100%", maxWidth: 520, marginBottom: 12 }}>
          <BarcodeInput placeholder={m.scanLocation} busy={busy} onScan={onScan} testId="reshelve-scan" />
          {last && <Alert type={last.ok ? "success" : "error"} showIcon title={last.text} />}
        </Space>
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.boxes}
        columns={[
          { title: m.boxNo, dataIndex: "boxNo" },
          { title: m.homeLocation, render: (_, b) => <span className="mono">{b.homeCode ?? "—"}</span> },
          {
            title: m.currentLocation,
            render: (_, b) =>
              b.locationCode ? (
                <span className="mono">{b.locationCode}</span>
              ) : (
                <Tag>{pick(BOX_STATUS[b.status as BoxStatus] ?? { zh: b.status, en: b.status })}</Tag>
              ),
          },
          {
            title: "",
            render: (_, b) =>
              isHome(b) ? (
                <Tag color="green">{m.reshelved}</Tag>
              ) : (
                can && (
                  <Button size="small" disabled={busy || !b.homeLocationId} onClick={() => void shelve(b)}>
                    {m.doReshelve}
                  </Button>
                )
              ),
          },
        ]}
      />
    </Card>
  );
}
