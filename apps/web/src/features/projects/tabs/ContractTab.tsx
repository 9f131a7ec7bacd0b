// The written contract (G-10, D-7.3, Z-5.3): which required terms are missing,
// each with its clause; the draft form and signing for the client; a read-only
// view otherwise.
import { Alert, Descriptions, Space, Tag, Typography } from "antd";
import { attachmentsApi, projectsApi } from "../../../api/endpoints.ts";
import type { Contract, ProjectDetail } from "../../../api/types.ts";
import { ClauseTag } from "../../../components/ClauseTag.tsx";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { FullPageSpin } from "../../../components/FullPageSpin.tsx";
import { useQuery } from "../../../hooks/useQuery.ts";
import { formatDate, formatSize } from "../../../i18n/format.ts";
import { useI18n } from "../../../i18n/LocaleContext.tsx";
import { ContractForm } from "./ContractForm.tsx";
import { CONTRACT_FIELDS } from "./contractFields.ts";
import { SignContractCard } from "./SignContractCard.tsx";

function MissingTerms({ contract: c }: { contract: Contract }) {
  const { t, pick } = useI18n();
  if (c.status === "signed")
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        title={t.contract.signedNotice(formatDate(c.signedOn))}
      />
    );
  if (c.missing.length === 0)
    return <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t.contract.complete} />;
  const missing = c.requirements.filter((r) => c.missing.includes(r.field));
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="contract-missing"
      style={{ marginBottom: 16 }}
      title={t.contract.missingTitle(missing.length)}
      description={
        <Space size={[12, 6]} wrap>
          {missing.map((r) => (
            <Space key={r.field} size={4}>
              <ClauseTag id={r.clause} />
              <span>{t.contract[r.field] ?? pick(r.label)}</span>
            </Space>
          ))}
        </Space>
      }
    />
  );
}

function ContractView({ contract: c }: { contract: Contract }) {
  const { t } = useI18n();
  const required = new Map(c.requirements.map((r) => [r.field, r.clause]));
  return (
    <Descriptions bordered column={1} size="small" styles={{ label: { width: 220 } }}>
      {CONTRACT_FIELDS.map(({ field }) => {
        const v = c[field];
        const clause = required.get(field);
        return (
          <Descriptions.Item
            key={field}
            label={
              <Space size={6}>
                {t.contract[field]}
                {clause && <ClauseTag id={clause} />}
              </Space>
            }
          >
            {v === undefined || v === null || v === "" ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : (
              <span style={{ whiteSpace: "pre-wrap" }}>{String(v)}</span>
            )}
          </Descriptions.Item>
        );
      })}
      {c.signedDocument && (
        <Descriptions.Item label={t.contract.signedDocument}>
          <Space wrap>
            <a href={attachmentsApi.contentUrl(c.signedDocument.id)}>{c.signedDocument.filename}</a>
            <Tag>{formatSize(c.signedDocument.sizeBytes)}</Tag>
            <Typography.Text className="mono" type="secondary">
              SM3 {c.signedDocument.sm3.slice(0, 16)}…
            </Typography.Text>
          </Space>
        </Descriptions.Item>
      )}
      {c.signedOn && (
        <Descriptions.Item label={t.contract.signedOn}>{formatDate(c.signedOn)}</Descriptions.Item>
      )}
    </Descriptions>
  );
}

export function ContractTab({ project, onChanged }: { project: ProjectDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const q = useQuery(() => projectsApi.contract(project.id), [project.id]);
  const c = q.data;
  if (!c) return q.error ? <ErrorAlert error={q.error} /> : <FullPageSpin />;

  const changed = () => {
    q.reload();
    onChanged();
  };

  return (
    <div data-testid="contract-tab">
      <Space align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t.contract.title}
        </Typography.Title>
        <Tag color={c.status === "signed" ? "success" : "default"}>
          {c.status === "signed" ? t.contract.statusSigned : t.contract.statusDraft}
        </Tag>
      </Space>
      <Typography.Paragraph type="secondary">{t.contract.intro}</Typography.Paragraph>
      <MissingTerms contract={c} />
      {c.canEdit ? (
        <>
          <ContractForm contract={c} projectId={project.id} onSaved={changed} />
          <SignContractCard projectId={project.id} onSigned={changed} />
        </>
      ) : (
        <>
          {c.status === "draft" && (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t.contract.readOnlyDraft} />
          )}
          <ContractView contract={c} />
        </>
      )}
    </div>
  );
}
