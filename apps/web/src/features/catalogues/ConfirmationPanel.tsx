// D-8.2: each party's confirmation of the catalogue's digest, side by side;
// a responsible person of the user's own side confirms from here.
import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Button, Card, Col, Descriptions, Modal, Row, Tag, Typography } from "antd";
import { useState } from "react";
import type { Confirmation } from "../../api/types.ts";
import { useNotify } from "../../components/useNotify.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { type CatalogueDetail, cataloguesApi } from "./api.ts";
import { PartyMark } from "./CataloguesTab.tsx";

function Party({
  name,
  orgId,
  c,
  canConfirm,
  onConfirm,
}: {
  name: string;
  orgId: string;
  c: CatalogueDetail;
  canConfirm: boolean;
  onConfirm: () => void;
}) {
  const { t } = useI18n();
  const m = t.catalogues;
  const given = c.confirmations.filter((x) => x.orgId === orgId && x.documentDigest === c.digest);
  const last: Confirmation | undefined = given.at(-1);
  return (
    <Card size="small" title={name} extra={<PartyMark done={!!last} />} style={{ height: "100%" }}>
      {last ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={m.signer}>{last.signerName}</Descriptions.Item>
          <Descriptions.Item label={m.signedAt}>{formatDateTime(last.signedAt)}</Descriptions.Item>
          <Descriptions.Item label={m.signature}>
            {last.valid ? <Tag color="success">✓ {m.valid}</Tag> : <Tag color="error">✗ {m.invalid}</Tag>}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{m.waiting}</Typography.Text>
      )}
      {canConfirm && !last && (
        <div style={{ marginTop: 12 }}>
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            onClick={onConfirm}
            data-testid="confirm-catalogue"
          >
            {m.confirmButton}
          </Button>
        </div>
      )}
    </Card>
  );
}

export function ConfirmationPanel({ c, onChanged }: { c: CatalogueDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const m = t.catalogues;
  const me = useMe();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      const r = await cataloguesApi.confirm(c.id, c.digest!);
      notify.success(r.status === "confirmed" ? m.bothConfirmed : m.confirmedNow);
      setOpen(false);
      onChanged();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };
  const mine = (orgId: string) => c.permissions.confirm && me.org.id === orgId;
  return (
    <Card title={m.confirmTitle} style={{ marginBottom: 16 }} data-testid="catalogue-confirmations">
      <Typography.Paragraph type="secondary">{m.confirmIntro}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Party
            name={`${m.clientSide} · ${c.clientName}`}
            orgId={c.clientOrgId}
            c={c}
            canConfirm={mine(c.clientOrgId)}
            onConfirm={() => setOpen(true)}
          />
        </Col>
        <Col xs={24} md={12}>
          <Party
            name={`${m.agencySide} · ${c.agencyName}`}
            orgId={c.agencyOrgId}
            c={c}
            canConfirm={mine(c.agencyOrgId)}
            onConfirm={() => setOpen(true)}
          />
        </Col>
      </Row>
      <Modal
        open={open}
        title={m.confirmModalTitle}
        onCancel={() => setOpen(false)}
        onOk={confirm}
        confirmLoading={busy}
        okText={m.confirmButton}
      >
        <Typography.Paragraph>{m.confirmModalText(c.rowCount)}</Typography.Paragraph>
        <Typography.Paragraph
          className="mono"
          copyable
          style={{ wordBreak: "break-all", background: "#f5f5f5", padding: "6px 10px", borderRadius: 4 }}
        >
          {c.digest}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
