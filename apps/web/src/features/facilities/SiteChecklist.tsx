// The site checklist (D-5.2, D-5.4, D-5.7, D-9.3): the manager answers each
// item met / not met; everyone else reads the answers.
import { Card, List, Radio, Space, Tag, Typography } from "antd";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { facilitiesApi, type SiteDetail } from "./api.ts";

export function SiteChecklist({ site, onChanged }: { site: SiteDetail; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const notify = useNotify();
  const f = t.facilities;
  const answer = async (key: string, value: boolean) => {
    try {
      await facilitiesApi.updateSite(site.id, { checklist: { [key]: value } });
      onChanged();
    } catch (e) {
      notify.error(e);
    }
  };
  return (
    <Card size="small" title={f.checklist} data-testid="site-checklist">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {f.checklistHelp}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={site.checklist}
        renderItem={(item) => (
          <List.Item
            extra={
              site.permissions.manage ? (
                <Radio.Group
                  size="small"
                  optionType="button"
                  buttonStyle="solid"
                  value={item.answer ?? undefined}
                  onChange={(e) => void answer(item.key, e.target.value as boolean)}
                  options={[
                    { value: true, label: f.yes },
                    { value: false, label: f.no },
                  ]}
                />
              ) : (
                <Tag color={item.answer === null ? "default" : item.answer ? "success" : "error"}>
                  {item.answer === null ? f.unanswered : item.answer ? f.yes : f.no}
                </Tag>
              )
            }
          >
            <Space size={8}>
              <ClauseTag id={item.clause} />
              <span>{pick(item.label)}</span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
