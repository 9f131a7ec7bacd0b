// Form fields of an organisation. Which appear depends on its kind: regulators
// have a level and districts, agencies a registration standing (G-12).
import { Checkbox, Col, Form, Input, Radio, Row, Select, Switch } from "antd";
import type { OrgKind, RegulatorLevel } from "../../api/types.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { REGULATOR_LEVEL } from "../../i18n/labels.ts";
import { useMeta } from "../../session/MetaContext.tsx";

export const PROFILE_FIELDS = [
  "name",
  "creditCode",
  "district",
  "address",
  "contactName",
  "contactPhone",
  "businessScope",
] as const;
export const STANDING_FIELDS = [
  "regulatorLevel",
  "supervisedDistricts",
  "serviceTypes",
  "licenceNumber",
  "registrationStatus",
  "foreignBacked",
] as const;

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function ProfileFields({ kind }: { kind: OrgKind }) {
  const { t } = useI18n();
  const { options } = useMeta();
  const o = t.orgs;
  return (
    <Row gutter={24}>
      <Col xs={24} md={16}>
        <Form.Item name="name" label={o.name} rules={[{ required: true, max: 200, whitespace: true }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="district" label={o.district} rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: "label" }} options={options.districts} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="creditCode"
          label={o.creditCode}
          extra={o.creditCodeHelp}
          rules={[{ pattern: CREDIT_CODE, message: o.creditCodeHelp }]}
        >
          <Input className="mono" maxLength={18} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="address" label={o.address} rules={[{ max: 300 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="contactName" label={o.contactName} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="contactPhone" label={o.contactPhone} rules={[{ max: 40 }]}>
          <Input />
        </Form.Item>
      </Col>
      {kind !== "regulator" && (
        <Col span={24}>
          <Form.Item name="businessScope" label={o.businessScope} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}

export function StandingFields({ kind, level }: { kind: OrgKind; level: RegulatorLevel | undefined }) {
  const { t, pick } = useI18n();
  const { options } = useMeta();
  const o = t.orgs;
  if (kind === "regulator")
    return (
      <Row gutter={24}>
        <Col xs={24} md={8}>
          <Form.Item name="regulatorLevel" label={o.regulatorLevel} rules={[{ required: true }]}>
            <Radio.Group
              options={(Object.keys(REGULATOR_LEVEL) as RegulatorLevel[]).map((l) => ({
                value: l,
                label: pick(REGULATOR_LEVEL[l]),
              }))}
            />
          </Form.Item>
        </Col>
        {level === "district" && (
          <Col xs={24} md={16}>
            <Form.Item name="supervisedDistricts" label={o.supervisedDistricts} rules={[{ required: true }]}>
              <Select mode="multiple" options={options.districts} />
            </Form.Item>
          </Col>
        )}
      </Row>
    );
  if (kind !== "agency") return null;
  return (
    <Row gutter={24}>
      <Col span={24}>
        <Form.Item name="serviceTypes" label={o.serviceTypes} rules={[{ required: true }]}>
          <Checkbox.Group options={options.serviceTypes} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="licenceNumber" label={o.licenceNumber} rules={[{ required: true, max: 100 }]}>
          <Input className="mono" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="registrationStatus" label={o.registrationStatus}>
          <Radio.Group optionType="button" options={options.registrationStatuses} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="foreignBacked"
          label={o.foreignBacked}
          extra={o.foreignBackedHelp}
          valuePropName="checked"
        >
          <Switch checkedChildren={t.common.yes} unCheckedChildren={t.common.no} />
        </Form.Item>
      </Col>
    </Row>
  );
}
