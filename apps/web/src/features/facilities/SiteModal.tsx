// Register a site of the agency (name, address, district); the checklist is
// answered on the site's page.
import { Form, Input, Select } from "antd";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMeta } from "../../session/MetaContext.tsx";
import { facilitiesApi } from "./api.ts";
import { clean, FormModal } from "./common.tsx";

interface Values {
  name: string;
  address?: string;
  district?: string;
}

export function SiteModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { options } = useMeta();
  const f = t.facilities;
  return (
    <FormModal<Values>
      open={open}
      title={f.newSite}
      fields={["name", "address", "district"]}
      onClose={onClose}
      onSubmit={async (v) => {
        await facilitiesApi.createSite(clean(v));
        onSaved();
      }}
    >
      <Form.Item name="name" label={f.name} rules={[{ required: true, max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="address" label={f.address} rules={[{ max: 300 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="district" label={f.district}>
        <Select allowClear showSearch={{ optionFilterProp: "label" }} options={options.districts} />
      </Form.Item>
    </FormModal>
  );
}
