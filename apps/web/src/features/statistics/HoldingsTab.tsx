// D-12.1: holdings (boxes, items, pages) broken down by one dimension.
import { Col, Flex, Row, Segmented, Table, Typography } from "antd";
import { useState } from "react";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type HoldingDimension, type HoldingRow, statisticsApi } from "./api.ts";
import { BarList } from "./BarList.tsx";

export function HoldingsTab({ dimensions }: { dimensions: HoldingDimension[] }) {
  const { t } = useI18n();
  const s = t.statistics;
  const [by, setBy] = useState<HoldingDimension>(dimensions[0] ?? "client");
  const data = useQuery(() => statisticsApi.holdings({ by }), [by]);
  const label: Record<HoldingDimension, string> = {
    client: s.byClient,
    agency: s.byAgency,
    project: s.byProject,
    vault: s.byVault,
    category: s.byCategory,
    carrier: s.byCarrier,
  };
  const rows = data.data?.rows ?? [];
  const name = (r: HoldingRow) => r.label ?? s.unset;
  const total = data.data?.total;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Segmented
          value={by}
          onChange={(v) => setBy(v as HoldingDimension)}
          options={dimensions.map((d) => ({ value: d, label: label[d] }))}
        />
        <ExportButton href={statisticsApi.holdingsExportUrl({ by })} />
      </Flex>
      <ErrorAlert error={data.error} />
      <Row gutter={24}>
        <Col xs={24} xl={14}>
          <Table<HoldingRow>
            rowKey={(r) => r.key ?? "-"}
            size="middle"
            loading={data.loading}
            dataSource={rows}
            pagination={false}
            columns={[
              { title: label[by], render: (_, r) => name(r) },
              { title: s.boxes, dataIndex: "boxes", align: "right", width: 100 },
              { title: s.items, dataIndex: "items", align: "right", width: 100 },
              { title: s.pages, dataIndex: "pages", align: "right", width: 110 },
            ]}
            summary={() =>
              total && (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong>{s.total}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <Typography.Text strong>{total.boxes}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    <Typography.Text strong>{total.items}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    <Typography.Text strong>{total.pages}</Typography.Text>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )
            }
          />
        </Col>
        <Col xs={24} xl={10}>
          <Typography.Title level={5}>{s.boxes}</Typography.Title>
          <BarList rows={rows.map((r) => ({ key: r.key ?? "-", label: name(r), value: r.boxes }))} />
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {s.pages}
          </Typography.Title>
          <BarList
            color="#1677ff"
            rows={rows.map((r) => ({ key: r.key ?? "-", label: name(r), value: r.pages }))}
          />
        </Col>
      </Row>
    </>
  );
}
