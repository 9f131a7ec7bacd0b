// Read-only cards of the organisation page: profile, standing, signing key.
import { Card, Descriptions, Space, Typography } from "antd";
import type { OrganisationDetail } from "../../api/types.ts";
import { ForeignBackedTag, RegistrationTag, ServiceTypeTag } from "../../components/Tags.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { REGULATOR_LEVEL } from "../../i18n/labels.ts";
import { useMeta } from "../../session/MetaContext.tsx";

const dash = (v: string | null | undefined) => (v ? v : "—");

export function ProfileCard({ org }: { org: OrganisationDetail }) {
  const { t } = useI18n();
  const { labels } = useMeta();
  const o = t.orgs;
  return (
    <Card size="small" title={o.profile} style={{ height: "100%" }}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={o.kind}>{labels.orgKind(org.kind)}</Descriptions.Item>
        <Descriptions.Item label={o.district}>{labels.district(org.district)}</Descriptions.Item>
        <Descriptions.Item label={o.creditCode}>
          <span className="mono">{dash(org.creditCode)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={o.address}>{dash(org.address)}</Descriptions.Item>
        <Descriptions.Item label={o.contactName}>{dash(org.contactName)}</Descriptions.Item>
        <Descriptions.Item label={o.contactPhone}>{dash(org.contactPhone)}</Descriptions.Item>
        {org.kind !== "regulator" && (
          <Descriptions.Item label={o.businessScope} span="filled">
            {dash(org.businessScope)}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t.common.createdAt}>{formatDateTime(org.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t.common.updatedAt}>{formatDateTime(org.updatedAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export function StandingCard({ org }: { org: OrganisationDetail }) {
  const { t, pick } = useI18n();
  const { labels } = useMeta();
  const o = t.orgs;
  return (
    <Card size="small" title={o.standing} style={{ height: "100%" }} data-testid="standing">
      {org.kind === "regulator" ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={o.regulatorLevel}>
            {org.regulatorLevel ? pick(REGULATOR_LEVEL[org.regulatorLevel]) : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={o.supervisedDistricts}>
            {org.regulatorLevel === "city"
              ? o.cityLevel
              : org.supervisedDistricts.map((d) => labels.district(d)).join("、") || "—"}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {o.standingHelp}
          </Typography.Paragraph>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={o.serviceTypes}>
              <Space size={[4, 4]} wrap>
                {org.serviceTypes.map((s) => (
                  <ServiceTypeTag key={s} type={s} />
                ))}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={o.licenceNumber}>
              <span className="mono">{dash(org.licenceNumber)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={o.registrationStatus}>
              <RegistrationTag status={org.registrationStatus} />
            </Descriptions.Item>
            <Descriptions.Item label={o.foreignBacked}>
              {org.foreignBacked ? <ForeignBackedTag /> : o.domestic}
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Card>
  );
}

export function SigningKeyCard({ org }: { org: OrganisationDetail }) {
  const { t } = useI18n();
  const o = t.orgs;
  return (
    <Card
      size="small"
      title={o.signingKey}
      extra={
        org.signingKey && (
          <Typography.Text type="secondary" copyable={{ text: org.signingKey.publicKeyPem }}>
            {org.signingKey.algorithm}
          </Typography.Text>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {o.signingKeyHelp}
      </Typography.Paragraph>
      {org.signingKey ? (
        <pre className="mono" style={{ margin: 0, padding: 12, background: "#fafafa", borderRadius: 6 }}>
          {org.signingKey.publicKeyPem.trim()}
        </pre>
      ) : (
        <Typography.Text type="secondary">{o.noSigningKey}</Typography.Text>
      )}
    </Card>
  );
}
