// Register or change a staff member (D-6.1): title level, archive
// professional, optional platform account and ID number.
import { Col, DatePicker, Form, Input, Row, Select, Switch } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { facilitiesApi, type Staff, type TitleLevel } from "./api.ts";
import { FormModal, useAgencyUsers } from "./common.tsx";
import { optionsOf, TITLE_LEVEL } from "./labels.ts";

interface Values {
  name: string;
  userId?: string;
  idNumber?: string;
  titleLevel: TitleLevel;
  archiveProfessional: boolean;
  position?: string;
  employedSince?: Dayjs;
  active: boolean;
}

export function StaffModal({
  open,
  staff,
  onClose,
  onSaved,
}: {
  open: boolean;
  staff?: Staff;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, pick } = useI18n();
  const f = t.facilities;
  const users = useAgencyUsers(open);
  const initial: Partial<Values> = staff
    ? {
        ...staff,
        userId: staff.userId ?? undefined,
        idNumber: staff.idNumber ?? undefined,
        position: staff.position ?? undefined,
        employedSince: staff.employedSince ? dayjs(staff.employedSince) : undefined,
      }
    : { titleLevel: "none", archiveProfessional: false, active: true };
  return (
    <FormModal<Values>
      open={open}
      title={staff ? f.editStaff : f.addStaff}
      width={640}
      fields={[
        "name",
        "userId",
        "idNumber",
        "titleLevel",
        "archiveProfessional",
        "position",
        "employedSince",
        "active",
      ]}
      initialValues={initial}
      onClose={onClose}
      onSubmit={async (v) => {
        const body = {
          name: v.name.trim(),
          userId: v.userId ?? null,
          titleLevel: v.titleLevel,
          archiveProfessional: v.archiveProfessional,
          position: v.position?.trim() || null,
          employedSince: v.employedSince ? v.employedSince.format("YYYY-MM-DD") : null,
          // A masked number shown back to us is not sent again.
          ...(v.idNumber && !v.idNumber.includes("*") ? { idNumber: v.idNumber.trim() } : {}),
          ...(staff ? { active: v.active } : {}),
        };
        if (staff) await facilitiesApi.updateStaff(staff.id, body);
        else await facilitiesApi.createStaff(body);
        onSaved();
      }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label={f.personName} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="position" label={f.position} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="titleLevel" label={f.titleLevel} rules={[{ required: true }]}>
            <Select options={optionsOf(TITLE_LEVEL, pick)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="archiveProfessional" label={f.archiveProfessional} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="idNumber" label={f.idNumber}>
            <Input className="mono" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="userId" label={f.account}>
            <Select
              allowClear
              loading={users.loading}
              options={(users.data ?? []).map((u) => ({
                value: u.id,
                label: `${u.displayName}（${u.username}）`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="employedSince" label={f.employedSince}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        {staff && (
          <Col span={12}>
            <Form.Item name="active" label={f.active} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        )}
      </Row>
    </FormModal>
  );
}
