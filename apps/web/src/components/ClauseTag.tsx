// A clause id as a tag that links to its page in the clause catalogue.
import { BookOutlined } from "@ant-design/icons";
import { Tag, Tooltip } from "antd";
import { Link } from "react-router-dom";
import { useI18n } from "../i18n/LocaleContext.tsx";

export function ClauseTag({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t.common.clauseLink(id)}>
      <Link to={`/clauses/${encodeURIComponent(id)}`} data-clause={id} className="clause-tag">
        <Tag color="volcano" icon={<BookOutlined />} style={{ marginInlineEnd: 0, cursor: "pointer" }}>
          {id}
        </Tag>
      </Link>
    </Tooltip>
  );
}
