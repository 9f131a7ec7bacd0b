// G-7: the regulator's yearly spot-check plans, and drawing a new one.
import { Button, Form, Input, InputNumber, Radio, Space, Table } from "antd";
import { Link, useNavigate } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { oversightApi, type PlanRow } from "./api.ts";

export function PlansTab() {
  const { t } = useI18n();
  const o = t.oversight;
  const notify = useNotify();
  const navigate = useNavigate();
  const plans = useQuery(() => oversightApi.plans(), []);
  return (
    <>
      <Form
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        initialValues={{
          year: new Date().getFullYear(),
          rate: 0.2,
          nationalMode: "always",
          nationalWeight: 3,
        }}
        onFinish={async (v) => {
          try {
            const r = await oversightApi.createPlan({ ...v, ...(v.seed ? {} : { seed: undefined }) });
            navigate(`/oversight/plans/${r.id}`);
          } catch (e) {
            notify.error(e);
          }
        }}
      >
        <Form.Item name="year" label={o.year} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="rate" label={o.rate} rules={[{ required: true }]}>
          <InputNumber min={0.01} max={1} step={0.05} data-testid="plan-rate" />
        </Form.Item>
        <Form.Item name="seed" label={o.seed} tooltip={o.seedHelp}>
          <Input style={{ width: 180 }} data-testid="plan-seed" />
        </Form.Item>
        <Form.Item name="nationalMode" label={o.nationalMode}>
          <Radio.Group
            options={[
              { value: "always", label: o.nationalAlways },
              { value: "weighted", label: o.nationalWeighted },
            ]}
          />
        </Form.Item>
        <Form.Item name="nationalWeight" label={o.nationalWeight}>
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="draw-plan">
          {o.newPlan}
        </Button>
      </Form>
      <ErrorAlert error={plans.error} />
      <Table<PlanRow>
        rowKey="id"
        size="middle"
        loading={plans.loading}
        dataSource={plans.data?.items ?? []}
        locale={{ emptyText: o.noPlans }}
        pagination={false}
        columns={[
          { title: o.year, render: (_, p) => <Link to={`/oversight/plans/${p.id}`}>{p.year}</Link> },
          { title: o.inspector, dataIndex: "regulatorName" },
          { title: o.rate, render: (_, p) => `${Math.round(p.rate * 100)}%` },
          { title: o.seed, render: (_, p) => <span className="mono">{p.seed}</span> },
          {
            title: o.nationalMode,
            render: (_, p) => (p.nationalMode === "always" ? o.nationalAlways : o.nationalWeighted),
          },
          { title: o.sampled, dataIndex: "sampled" },
        ]}
      />
      <Space />
    </>
  );
}
