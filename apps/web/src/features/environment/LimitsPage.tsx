// An agency's environment limits per carrier zone (D-9.4, D-9.5): the
// standard's figures (unverified ones marked), its own stricter settings and
// what is in force; the agency manager edits them.
import { EditOutlined } from "@ant-design/icons";
import { Button, Card, Table } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { environmentApi, type Zone } from "./api.ts";
import { originLabel } from "./LimitsCard.tsx";
import { type EditTarget, LimitsEditModal } from "./LimitsEditModal.tsx";
import { ZONE } from "./labels.ts";
import { LimitText, RangeText } from "./Unverified.tsx";

export function LimitsPage() {
  const { t, pick } = useI18n();
  const e = t.environment;
  const me = useMe();
  const [params] = useSearchParams();
  const agencyId = params.get("agencyId") ?? me.orgId;
  const data = useQuery(() => environmentApi.limits(agencyId), [agencyId]);
  const [editing, setEditing] = useState<EditTarget>();
  const rows = data.data?.zones ?? [];
  type Row = (typeof rows)[number];

  return (
    <>
      <PageHeader title={e.limitsTitle} subtitle={e.limitsSubtitle} />
      <Card>
        <ErrorAlert error={data.error} />
        <Table<Row>
          rowKey="zone"
          size="middle"
          loading={data.loading}
          pagination={false}
          dataSource={rows}
          scroll={{ x: 900 }}
          columns={[
            { title: e.zone, dataIndex: "zone", render: (z: Zone) => pick(ZONE[z]) },
            {
              title: e.tempRange,
              key: "t",
              render: (_, r) => (
                <RangeText min={r.effective.temperatureC.min} max={r.effective.temperatureC.max} unit="°C" />
              ),
            },
            {
              title: e.humidityRange,
              key: "h",
              render: (_, r) => (
                <RangeText min={r.effective.humidityPct.min} max={r.effective.humidityPct.max} unit="%" />
              ),
            },
            {
              title: e.swing,
              key: "s",
              render: (_, r) => (
                <span>
                  <LimitText v={r.effective.swing.temperatureC} unit="°C" prefix="±" /> /{" "}
                  <LimitText v={r.effective.swing.humidityPct} unit="%" prefix="±" />
                </span>
              ),
            },
            {
              title: e.maxLux,
              key: "l",
              render: (_, r) => <LimitText v={r.effective.maxLux} unit=" lx" prefix="≤ " />,
            },
            { title: e.origin, key: "o", render: (_, r) => originLabel(e, r.effective) },
            ...(data.data?.mayEdit
              ? [
                  {
                    title: "",
                    key: "edit",
                    render: (_: unknown, r: Row) => (
                      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)}>
                        {e.editLimits}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <LimitsEditModal
        agencyId={agencyId}
        target={editing}
        onClose={(saved) => {
          setEditing(undefined);
          if (saved) data.reload();
        }}
      />
    </>
  );
}
