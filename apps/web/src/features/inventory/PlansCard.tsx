// Inventory plans: scope, method, period, next due date; start a check from here.
import { PlusOutlined, ScanOutlined } from "@ant-design/icons";
import { Button, Card, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDate } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type InventoryOptions, type InventoryPlan, inventoryApi } from "./api.ts";
import { METHOD } from "./labels.ts";
import { PlanModal } from "./PlanModal.tsx";
import { StartCheckModal } from "./StartCheckModal.tsx";

export function PlansCard({ options, mayPlan }: { options: InventoryOptions | undefined; mayPlan: boolean }) {
  const { t, pick } = useI18n();
  const i = t.inventory;
  const notify = useNotify();
  const plans = useQuery(() => inventoryApi.plans(), []);
  const [creating, setCreating] = useState(false);
  const [starting, setStarting] = useState<InventoryPlan | null>(null);

  const toggle = async (p: InventoryPlan) => {
    try {
      await inventoryApi.updatePlan(p.id, { active: !p.active });
      plans.reload();
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <Card
      title={i.plans}
      style={{ marginBottom: 16 }}
      extra={
        mayPlan && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-plan"
          >
            {i.newPlan}
          </Button>
        )
      }
    >
      <ErrorAlert error={plans.error} />
      <Table<InventoryPlan>
        rowKey="id"
        size="middle"
        loading={plans.loading}
        dataSource={plans.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: i.noPlans }}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: i.planTitle,
            render: (_, p) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{p.title}</Typography.Text>
                {p.requirements && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                    {p.requirements}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: i.vault,
            width: 170,
            render: (_, p) => (
              <>
                <span className="mono">{p.vaultCode}</span> {p.vaultName}
              </>
            ),
          },
          { title: i.scope, width: 150, render: (_, p) => p.clientName ?? i.scopeAllShort },
          { title: i.method, width: 110, render: (_, p) => pick(METHOD[p.method]) },
          { title: i.period, width: 110, render: (_, p) => i.periodMonths(p.periodMonths) },
          {
            title: i.nextDueOn,
            width: 120,
            render: (_, p) => (
              <Typography.Text
                type={p.active && dayjs(p.nextDueOn).isBefore(dayjs(), "day") ? "danger" : undefined}
              >
                {formatDate(p.nextDueOn)}
              </Typography.Text>
            ),
          },
          { title: i.checksThisYear, width: 90, align: "center", dataIndex: "checksThisYear" },
          {
            title: t.common.actions,
            width: 200,
            render: (_, p) => (
              <Space>
                {!p.active && <Tag>{i.inactive}</Tag>}
                {p.active && p.permissions.count && (
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    icon={<ScanOutlined />}
                    onClick={() => setStarting(p)}
                  >
                    {i.startCheck}
                  </Button>
                )}
                {p.permissions.plan && (
                  <Button size="small" type="link" onClick={() => void toggle(p)}>
                    {p.active ? i.deactivate : i.activate}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <PlanModal
        open={creating}
        options={options}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          plans.reload();
        }}
      />
      <StartCheckModal plan={starting} options={options} onClose={() => setStarting(null)} />
    </Card>
  );
}
