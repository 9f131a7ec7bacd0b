// Z-7.2, Z-7.3: the workstation board: a column per workstation (temporary
// storage first) with the volumes at it; stopped volumes are marked red.
import { Badge, Card, Col, Empty, Row, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { originalsApi } from "./api.ts";

export function BoardTab({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const m = t.digitizationOriginals;
  const board = useQuery(() => originalsApi.board(projectId), [projectId]);
  const columns = board.data?.columns ?? [];
  const any = columns.some((c) => c.volumes.length > 0);
  return (
    <>
      <ErrorAlert error={board.error} />
      {!board.loading && !any && <Empty description={m.boardEmpty} />}
      <Row gutter={[12, 12]} wrap={false} style={{ overflowX: "auto" }} data-testid="workstation-board">
        {columns.map((c) => (
          <Col key={c.id ?? "storage"} flex="0 0 220px">
            <Card
              size="small"
              title={
                <Space>
                  {c.id ? c.name : m.temporaryStorage}
                  <Badge count={c.volumes.length} showZero color="#999" />
                </Space>
              }
            >
              {c.volumes.map((v) => (
                <Card
                  key={v.id}
                  size="small"
                  style={{
                    marginBottom: 8,
                    borderColor: v.openStopId ? "#ff4d4f" : undefined,
                    background: v.openStopId ? "#fff1f0" : undefined,
                  }}
                  data-stopped={v.openStopId ? "true" : "false"}
                >
                  <Link to={`/digitization/volumes/${v.id}`}>{v.referenceCode}</Link>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 12 }}>
                    {v.title}
                  </Typography.Paragraph>
                  <Space size={4}>
                    <Tag>{v.batchCode}</Tag>
                    {v.openStopId && <Tag color="red">{m.stoppedMark}</Tag>}
                  </Space>
                </Card>
              ))}
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
