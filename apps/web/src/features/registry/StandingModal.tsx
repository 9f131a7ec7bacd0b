// G-12: change an agency's standing, with the reason that goes on record.
import { Input, Modal } from "antd";
import { useState } from "react";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { registryApi } from "./api.ts";

export function StandingModal({
  agencyId,
  action,
  onClose,
}: {
  agencyId: string;
  action: string | undefined;
  onClose: (changed: boolean) => void;
}) {
  const { t } = useI18n();
  const r = t.registry;
  const notify = useNotify();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await registryApi.changeStanding(agencyId, action!, reason.trim());
      notify.success(r.changed);
      setReason("");
      onClose(true);
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={!!action}
      title={`${r.changeStanding}：${action ? r.actions(action) : ""}`}
      onCancel={() => onClose(false)}
      onOk={() => void submit()}
      okButtonProps={{ disabled: !reason.trim(), loading: busy, danger: action !== "reinstate" }}
    >
      <Input.TextArea
        rows={4}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={r.reasonRequired}
        aria-label={r.reason}
        maxLength={2000}
      />
    </Modal>
  );
}
