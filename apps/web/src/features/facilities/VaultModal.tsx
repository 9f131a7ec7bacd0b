// Register or change a vault: code, name, measured attributes (checked by the
// compliance check, D-5.5–D-5.9) and the named keeper (D-9.2).
import { Col, Form, Input, InputNumber, Row, Select } from "antd";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { facilitiesApi, type Measurements, type VaultDetail } from "./api.ts";
import { clean, FormModal, useAgencyUsers } from "./common.tsx";
import { optionsOf, SHELVING } from "./labels.ts";

type Values = Partial<Measurements> & { code: string; name: string; siteId?: string; keeperUserId?: string };

const MEASURES = [
  ["floorAreaM2", "floorArea", 100_000],
  ["clearHeightM", "clearHeight", 100],
  ["floorLoadKnM2", "floorLoad", 1000],
  ["fireWallZoneH", "fireWallZone", 24],
  ["fireWallRoomH", "fireWallRoom", 24],
  ["fireWallInnerH", "fireWallInner", 24],
  ["mainAisleM", "mainAisle", 100],
  ["rowSpacingM", "rowSpacing", 100],
  ["endClearanceM", "endClearance", 100],
  ["backClearanceM", "backClearance", 100],
] as const;

export function VaultModal({
  open,
  vault,
  sites,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** Edit this vault, or register a new one at one of `sites`. */
  vault?: VaultDetail;
  sites?: { id: string; name: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, pick } = useI18n();
  const f = t.facilities;
  const users = useAgencyUsers(open);
  const keepers = (users.data ?? []).filter((u) =>
    u.roles.some((r) => r === "agency_vault_keeper" || r === "agency_manager"),
  );
  return (
    <FormModal<Values>
      open={open}
      title={vault ? f.editVault : f.newVault}
      width={760}
      fields={["siteId", "code", "name", "keeperUserId", ...MEASURES.map((m) => m[0]), "shelvingType"]}
      initialValues={vault ? (vault as Values) : { shelvingType: "fixed", siteId: sites?.[0]?.id }}
      onClose={onClose}
      onSubmit={async (v) => {
        const body = clean(v);
        if (vault)
          await facilitiesApi.updateVault(vault.id, { ...body, keeperUserId: v.keeperUserId ?? null });
        else await facilitiesApi.createVault(body);
        onSaved();
      }}
    >
      <Row gutter={16}>
        {!vault && (
          <Col span={24}>
            <Form.Item name="siteId" label={f.site} rules={[{ required: true }]}>
              <Select options={(sites ?? []).map((s) => ({ value: s.id, label: s.name }))} />
            </Form.Item>
          </Col>
        )}
        <Col span={8}>
          <Form.Item name="code" label={f.code} rules={[{ required: true, max: 20 }]}>
            <Input className="mono" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="name" label={f.name} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="shelvingType" label={f.shelvingType}>
            <Select options={optionsOf(SHELVING, pick)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="keeperUserId" label={f.keeper}>
            <Select
              allowClear
              loading={users.loading}
              options={keepers.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
            />
          </Form.Item>
        </Col>
        {MEASURES.map(([name, label, max]) => (
          <Col span={12} key={name}>
            <Form.Item name={name} label={f[label]}>
              <InputNumber min={0} max={max} step={0.1} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </FormModal>
  );
}
