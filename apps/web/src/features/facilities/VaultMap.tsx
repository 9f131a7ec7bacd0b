// The vault map: one block per row and column, a square per section and shelf
// (shelf 1 at the bottom), filled by occupancy and framed by carrier zone.
// Clicking a square lists its boxes (a client sees only its own).
import { Alert, Card, Drawer, Flex, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type BoxAt, facilitiesApi, type Location } from "./api.ts";
import { occupancyTag } from "./LocationsTab.tsx";
import { BOX_STATUS, ZONE } from "./labels.ts";

const FILL = ["#ffffff", "#bae0ff", "#69b1ff", "#0958d9"];
const fill = (l: Location) =>
  l.occupied === 0
    ? FILL[0]
    : l.occupied >= l.capacity
      ? FILL[3]
      : l.occupied / l.capacity < 0.5
        ? FILL[1]
        : FILL[2];

const groupBy = <T, K>(xs: T[], key: (x: T) => K) => {
  const m = new Map<K, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
};

function Block({ cells, onPick }: { cells: Location[]; onPick: (l: Location) => void }) {
  const { pick } = useI18n();
  const sections = [...new Set(cells.map((c) => c.sectionNo))].sort((a, b) => a - b);
  const shelves = [...new Set(cells.map((c) => c.shelfNo))].sort((a, b) => b - a);
  const at = new Map(cells.map((c) => [`${c.sectionNo}/${c.shelfNo}`, c]));
  const zone = ZONE[cells[0]!.zone];
  return (
    <div style={{ border: `2px solid ${zone.color}`, background: zone.color, padding: 3, borderRadius: 4 }}>
      {shelves.map((shelf) => (
        <div key={shelf} style={{ display: "flex", gap: 2, marginBottom: 2 }}>
          {sections.map((sec) => {
            const l = at.get(`${sec}/${shelf}`);
            return l ? (
              <Tooltip key={sec} title={`${l.code} · ${pick(ZONE[l.zone])} · ${l.occupied}/${l.capacity}`}>
                <button
                  type="button"
                  aria-label={l.code}
                  data-location={l.code}
                  onClick={() => onPick(l)}
                  style={{
                    width: 26,
                    height: 16,
                    padding: 0,
                    border: "1px solid #8c8c8c",
                    background: fill(l),
                    cursor: "pointer",
                  }}
                />
              </Tooltip>
            ) : (
              <span key={sec} style={{ width: 26, height: 16 }} />
            );
          })}
        </div>
      ))}
    </div>
  );
}

export function VaultMap({ vaultId }: { vaultId: string }) {
  const { t, pick } = useI18n();
  const f = t.facilities;
  const map = useQuery(() => facilitiesApi.map(vaultId), [vaultId]);
  const [picked, setPicked] = useState<Location>();
  const boxes = useQuery(
    () => (picked ? facilitiesApi.boxesAt(picked.id).then((r) => r.boxes) : Promise.resolve([] as BoxAt[])),
    [picked?.id],
  );
  const cells = map.data?.cells ?? [];
  const rows = groupBy(cells, (c) => c.rowNo);
  const zones = [...new Set(cells.map((c) => c.zone))];

  return (
    <div data-testid="vault-map">
      <Typography.Paragraph type="secondary">{f.mapHelp}</Typography.Paragraph>
      {map.data?.ownBoxesOnly && (
        <Alert type="info" showIcon title={f.mapOwnOnly} style={{ marginBottom: 12 }} />
      )}
      <ErrorAlert error={map.error} />
      <Flex gap={24} wrap style={{ marginBottom: 16 }}>
        <Space size={4} wrap>
          <Typography.Text type="secondary">{f.legendZone}:</Typography.Text>
          {zones.map((z) => (
            <Tag key={z} color={ZONE[z].color} style={{ color: "#333" }}>
              {pick(ZONE[z])}
            </Tag>
          ))}
        </Space>
        <Space size={4}>
          <Typography.Text type="secondary">{f.legendOccupancy}:</Typography.Text>
          {[f.empty, "< 50%", "≥ 50%", f.full].map((label, i) => (
            <Space key={label} size={2}>
              <span
                style={{
                  display: "inline-block",
                  width: 14,
                  height: 10,
                  background: FILL[i],
                  border: "1px solid #8c8c8c",
                }}
              />
              <span style={{ fontSize: 12 }}>{label}</span>
            </Space>
          ))}
        </Space>
      </Flex>
      {cells.length === 0 && !map.loading && <EmptyState text={f.noLocations} />}
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        {[...rows].map(([row, inRow]) => (
          <Card key={row} size="small" title={`${row} ${f.rows}`} styles={{ body: { padding: 8 } }}>
            <Flex gap={10} wrap>
              {[...groupBy(inRow, (c) => c.columnNo)].map(([col, inCol]) => (
                <div key={col} style={{ textAlign: "center" }}>
                  <Block cells={inCol} onPick={setPicked} />
                  <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                    {col} {f.columns}
                  </Typography.Text>
                </div>
              ))}
            </Flex>
          </Card>
        ))}
      </Space>
      <Drawer
        open={!!picked}
        onClose={() => setPicked(undefined)}
        size="large"
        title={picked ? f.boxesAt(picked.code) : ""}
        extra={picked && occupancyTag(picked.occupied, picked.capacity)}
      >
        <ErrorAlert error={boxes.error} />
        <Table<BoxAt>
          rowKey="id"
          size="small"
          loading={boxes.loading}
          dataSource={boxes.data ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyState text={f.noBoxes} /> }}
          columns={[
            { title: f.boxNo, dataIndex: "boxNo", render: (n: string) => <span className="mono">{n}</span> },
            {
              title: f.barcode,
              dataIndex: "barcode",
              render: (n: string) => <span className="mono">{n}</span>,
            },
            { title: f.client, dataIndex: "clientName" },
            { title: f.project, dataIndex: "projectCode" },
            { title: f.carrier, dataIndex: "carrier" },
            {
              title: f.status,
              dataIndex: "status",
              render: (x: string) => (BOX_STATUS[x] ? pick(BOX_STATUS[x]) : x),
            },
          ]}
        />
      </Drawer>
    </div>
  );
}
