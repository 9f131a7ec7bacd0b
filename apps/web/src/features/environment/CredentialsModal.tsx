// A sensor's secret and token, shown this once (registration or replacement).
import { Alert, Descriptions, Modal, Typography } from "antd";
import { useI18n } from "../../i18n/LocaleContext.tsx";

export interface Credentials {
  code: string;
  secret: string;
  token: string;
}

export function CredentialsModal({
  value,
  onClose,
}: {
  value: Credentials | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const e = t.environment;
  return (
    <Modal
      open={!!value}
      title={e.credentialsTitle}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: "none" } }}
      width={640}
    >
      <Alert type="warning" showIcon title={e.credentialsIntro} style={{ marginBottom: 16 }} />
      {value && (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={e.code}>
            <span className="mono">{value.code}</span>
          </Descriptions.Item>
          <Descriptions.Item label={e.secret}>
            <Typography.Text copyable className="mono" data-testid="sensor-secret">
              {value.secret}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={e.token}>
            <Typography.Text copyable className="mono" data-testid="sensor-token">
              {value.token}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Modal>
  );
}
