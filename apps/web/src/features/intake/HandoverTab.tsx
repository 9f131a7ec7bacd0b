// The records both parties handle together: intake anomalies reported to the
// client (D-8.8), the client's content-access grant (D-8.10), the repacking
// consent and register (D-8.9), and the batch's files (the visit report).
import { Button, Card, Descriptions, Input, Modal, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { AttachmentsPanel, Sm3 } from "../attachments/AttachmentsPanel.tsx";
import { type BatchDetail, intakeApi } from "./api.ts";

type Props = { batch: BatchDetail; onChanged: () => void };

function Anomalies({ batch, onChanged }: Props) {
  const { t } = useI18n();
  const i = t.intake;
  const notify = useNotify();
  const [closing, setClosing] = useState<string | null>(null);
  const [resolution, setResolution] = useState("");
  const close = async () => {
    try {
      await intakeApi.closeIncident(closing!, resolution.trim());
      setClosing(null);
      onChanged();
    } catch (e) {
      notify.error(e);
    }
  };
  return (
    <Card
      size="small"
      title={
        <Space>
          {i.anomalies}
          <ClauseTag id="D-8.8" />
        </Space>
      }
      style={{ marginBottom: 16 }}
      data-testid="anomalies"
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={batch.anomalies}
        locale={{ emptyText: i.noAnomalies }}
        columns={[
          { title: i.boxNo, dataIndex: "boxNo", width: 80 },
          { title: i.anomaly, dataIndex: "title" },
          {
            title: i.status,
            dataIndex: "status",
            width: 100,
            render: (s: string) => (
              <Tag color={s === "closed" ? "success" : "error"}>{s === "closed" ? i.handled : i.open}</Tag>
            ),
          },
          { title: i.resolution, dataIndex: "resolution", render: (r: string | null) => r ?? "—" },
          {
            title: t.common.actions,
            width: 110,
            render: (_, r) =>
              r.status !== "closed" && batch.permissions.decideForClient ? (
                <Button size="small" onClick={() => setClosing(r.id)}>
                  {i.handle}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={!!closing}
        title={i.handle}
        onCancel={() => setClosing(null)}
        onOk={() => void close()}
        okButtonProps={{ disabled: !resolution.trim() }}
      >
        <Typography.Paragraph type="secondary">{i.handleHelp}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          value={resolution}
          onChange={(e) => setResolution(e.target.value)}
          aria-label={i.resolution}
        />
      </Modal>
    </Card>
  );
}

function ContentAccess({ batch, onChanged }: Props) {
  const { t } = useI18n();
  const i = t.intake;
  const notify = useNotify();
  const g = batch.contentAccess;
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      onChanged();
    } catch (e) {
      notify.error(e);
    }
  };
  return (
    <Card
      size="small"
      title={
        <Space>
          {i.contentAccess}
          <ClauseTag id="D-8.10" />
        </Space>
      }
      style={{ marginBottom: 16 }}
      data-testid="content-access"
    >
      <Typography.Paragraph type="secondary">{i.contentAccessIntro}</Typography.Paragraph>
      <Space wrap>
        {g.granted ? (
          <Tag color="warning" data-granted="true">
            {i.grantedBy(g.grantedByName, formatDateTime(g.grantedAt))}
          </Tag>
        ) : (
          <Tag data-granted="false">{i.notGranted}</Tag>
        )}
        {batch.permissions.decideForClient &&
          (g.granted ? (
            <Button onClick={() => void act(() => intakeApi.revoke(batch.id))}>{i.revoke}</Button>
          ) : (
            <Button onClick={() => void act(() => intakeApi.grant(batch.id))}>{i.grant}</Button>
          ))}
      </Space>
    </Card>
  );
}

function Repacking({ batch, onChanged }: Props) {
  const { t } = useI18n();
  const i = t.intake;
  const me = useMe();
  const notify = useNotify();
  const { consent, register } = batch.repack;
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      onChanged();
    } catch (e) {
      notify.error(e);
    }
  };
  const mayConsent =
    batch.permissions.decideForClient && !consent && ["inspection", "repacking"].includes(batch.status);
  const confirmedByMe = register?.confirmations.some((c) => c.orgId === me.orgId);
  return (
    <Card
      size="small"
      title={
        <Space>
          {i.repacking}
          <ClauseTag id="D-8.9" />
        </Space>
      }
      style={{ marginBottom: 16 }}
      data-testid="repacking"
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={i.consent}>
          {consent
            ? i.signedBy(consent.signerName, consent.orgName, formatDateTime(consent.signedAt))
            : i.noConsent}
          {mayConsent && (
            <Button
              size="small"
              style={{ marginInlineStart: 12 }}
              onClick={() => void act(() => intakeApi.consent(batch.id))}
            >
              {i.giveConsent}
            </Button>
          )}
        </Descriptions.Item>
        {register && (
          <>
            <Descriptions.Item label={i.registerDigest}>
              <Sm3 digest={register.digest} />
            </Descriptions.Item>
            <Descriptions.Item label={i.registerConfirmations}>
              <Space orientation="vertical" size={0}>
                {register.confirmations.map((c) => (
                  <span key={c.id}>{i.signedBy(c.signerName, c.orgName, formatDateTime(c.signedAt))}</span>
                ))}
                {!confirmedByMe && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => void act(() => intakeApi.confirmRegister(batch.id))}
                  >
                    {i.confirmRegister}
                  </Button>
                )}
              </Space>
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      {register?.record && (
        <Table
          rowKey="boxNo"
          size="small"
          pagination={false}
          dataSource={register.record.boxes}
          columns={[
            { title: i.boxNo, dataIndex: "boxNo", width: 80 },
            { title: i.sealNumber, dataIndex: "sealNumber", width: 120 },
            { title: i.items, render: (_, r) => r.items.map((x) => x.referenceCode ?? x.title).join("、") },
          ]}
        />
      )}
    </Card>
  );
}

export function HandoverTab(props: Props) {
  const { t } = useI18n();
  return (
    <div data-testid="handover-tab">
      <Anomalies {...props} />
      <ContentAccess {...props} />
      <Repacking {...props} />
      <Card size="small" title={t.intake.batchFiles}>
        <AttachmentsPanel
          entityType={"intake_batch" as never}
          entityId={props.batch.id}
          canUpload={props.batch.permissions.recordSteps}
        />
      </Card>
    </div>
  );
}
