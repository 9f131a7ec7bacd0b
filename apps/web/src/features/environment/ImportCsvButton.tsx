// CSV readings (D-9.4): upload, then either the count imported or every problem
// by row and column — a refused file stores nothing.
import { UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Modal, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { type ApiError, asApiError } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { environmentApi, type ImportProblem } from "./api.ts";

export function ImportCsvButton({ vaultId, onImported }: { vaultId: string; onImported: () => void }) {
  const { t, pick } = useI18n();
  const e = t.environment;
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const r = await environmentApi.importCsv(vaultId, file);
      notify.success(e.imported(r.imported, r.alertsOpened));
      onImported();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const problems = (error?.details?.problems ?? []) as ImportProblem[];

  return (
    <>
      <Upload
        accept=".csv,text/csv"
        showUploadList={false}
        beforeUpload={(f) => {
          void upload(f);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          {e.importCsv}
        </Button>
      </Upload>
      <Modal
        open={!!error}
        title={e.importCsv}
        onCancel={() => setError(undefined)}
        footer={null}
        width={720}
      >
        {problems.length ? (
          <>
            <Alert
              type="error"
              showIcon
              title={pick(error!.messages)}
              description={e.importProblems}
              style={{ marginBottom: 12 }}
            />
            <Table
              rowKey={(p) => `${p.row}:${p.column}:${p.message.en}`}
              size="small"
              dataSource={problems}
              pagination={{ pageSize: 10 }}
              columns={[
                { title: e.row, dataIndex: "row", width: 60 },
                { title: e.problem, key: "m", render: (_, p) => pick(p.message) },
                {
                  title: "",
                  dataIndex: "value",
                  width: 140,
                  render: (v?: string) => v && <Typography.Text code>{v}</Typography.Text>,
                },
              ]}
            />
          </>
        ) : (
          <ErrorAlert error={error} />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
          {e.importHelp}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
