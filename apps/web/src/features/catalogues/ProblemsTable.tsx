// An import's problems by row and column, each in the current language with
// its clause; the full list downloads as a spreadsheet.
import { DownloadOutlined } from "@ant-design/icons";
import { Button, Flex, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { cataloguesApi, type ImportJob, type ImportProblem } from "./api.ts";

export function ProblemsTable({ job }: { job: ImportJob }) {
  const { t, pick } = useI18n();
  const c = t.catalogues;
  const problems = job.problems ?? [];
  const columns: ColumnsType<ImportProblem> = [
    { title: c.row, dataIndex: "row", width: 70, render: (r: number) => (r ? r : c.wholeFile) },
    {
      title: c.column,
      dataIndex: "header",
      width: 120,
      render: (h: string | null, p) => h ?? p.column ?? "—",
    },
    { title: c.problem, dataIndex: "message", render: (m: ImportProblem["message"]) => pick(m) },
    {
      title: c.value,
      dataIndex: "value",
      width: 200,
      ellipsis: true,
      render: (v: string | undefined) => (v ? <Typography.Text code>{v}</Typography.Text> : "—"),
    },
    {
      title: c.clause,
      dataIndex: "clause",
      width: 90,
      render: (id?: string) => (id ? <ClauseTag id={id} /> : "—"),
    },
  ];
  return (
    <div data-testid="import-problems">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ margin: "12px 0" }}>
        <Typography.Text type="secondary">
          {problems.length < job.problemCount ? c.moreProblems(problems.length, job.problemCount) : ""}
        </Typography.Text>
        <Button icon={<DownloadOutlined />} href={cataloguesApi.problemsUrl(job.id)} download>
          {c.problemReport}
        </Button>
      </Flex>
      <Table
        rowKey={(p) => `${p.row}:${p.column}:${p.code}:${p.message.en}`}
        size="small"
        columns={columns}
        dataSource={problems}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 800 }}
      />
    </div>
  );
}
