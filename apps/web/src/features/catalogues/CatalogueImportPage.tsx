// Import a handover catalogue (D-8.3): choose the file, its encoding and level,
// upload (the request returns at once), then follow the job (?job=<id>).
import { InboxOutlined } from "@ant-design/icons";
import { Breadcrumb, Button, Card, Form, Input, Select, Typography, Upload } from "antd";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { type ApiError, asApiError } from "../../api/client.ts";
import { projectsApi } from "../../api/endpoints.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type CatalogueLevel, cataloguesApi, type Encoding } from "./api.ts";
import { ImportProgress } from "./ImportProgress.tsx";
import { ENCODINGS, LEVELS } from "./labels.ts";

interface Values {
  title?: string;
  level?: CatalogueLevel | "auto";
  encoding: Encoding;
  replacesCatalogueId?: string;
}

export function CatalogueImportPage() {
  const { id = "" } = useParams();
  const { t, pick } = useI18n();
  const c = t.catalogues;
  const [params, setParams] = useSearchParams();
  const jobId = params.get("job");
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const project = useQuery(() => projectsApi.get(id), [id]);
  const drafts = useQuery(() => cataloguesApi.list(id, { status: "draft", pageSize: 100 }), [id]);

  const submit = async (v: Values) => {
    if (!file) return setError(asApiError(new Error(c.noFile)));
    setBusy(true);
    setError(undefined);
    try {
      const job = await cataloguesApi.upload(id, file, {
        title: v.title?.trim() || undefined,
        level: v.level === "auto" ? undefined : v.level,
        encoding: v.encoding,
        replacesCatalogueId: v.replacesCatalogueId,
      });
      setParams({ job: job.id }, { replace: true });
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const p = project.data;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/projects">{t.projects.title}</Link> },
          { title: <Link to={`/projects/${id}/catalogues`}>{p?.code ?? "…"}</Link> },
          { title: c.importTitle },
        ]}
      />
      <PageHeader
        title={c.importTitle}
        subtitle={p ? `${p.name} · ${p.clientName} → ${p.agencyName}` : undefined}
      />
      <ErrorAlert error={project.error} />
      {jobId ? (
        <ImportProgress
          jobId={jobId}
          onAgain={() => {
            setFile(undefined);
            setParams({}, { replace: true });
          }}
        />
      ) : (
        <Card>
          <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
            {c.importIntro}
          </Typography.Paragraph>
          <ErrorAlert error={error} onClose={() => setError(undefined)} />
          <Form<Values>
            layout="vertical"
            initialValues={{ encoding: "auto", level: "auto" }}
            onFinish={submit}
            style={{ maxWidth: 720 }}
          >
            <Form.Item label={c.file} required>
              <Upload.Dragger
                accept=".xlsx,.csv,.txt"
                maxCount={1}
                beforeUpload={(f) => {
                  setFile(f);
                  return false;
                }}
                onRemove={() => setFile(undefined)}
                fileList={file ? [{ uid: "f", name: file.name, status: "done", size: file.size }] : []}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{c.chooseFile}</p>
                <p className="ant-upload-hint">.xlsx · .csv</p>
              </Upload.Dragger>
            </Form.Item>
            <Form.Item name="title" label={c.catalogueTitle} extra={c.catalogueTitleHelp}>
              <Input maxLength={200} placeholder={file?.name.replace(/\.[^.]+$/, "")} />
            </Form.Item>
            <Form.Item name="level" label={c.level}>
              <Select
                options={[
                  { value: "auto", label: c.levelAuto },
                  ...(["item", "box"] as const).map((l) => ({ value: l, label: pick(LEVELS[l]) })),
                ]}
              />
            </Form.Item>
            <Form.Item name="encoding" label={c.encoding}>
              <Select options={ENCODINGS.map((e) => ({ value: e.value, label: pick(e.label) }))} />
            </Form.Item>
            {(drafts.data?.items.length ?? 0) > 0 && (
              <Form.Item name="replacesCatalogueId" label={c.replaces} extra={c.replacesHelp}>
                <Select
                  allowClear
                  options={drafts.data!.items.map((d) => ({
                    value: d.id,
                    label: `${d.title}（${d.rowCount}）`,
                  }))}
                />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={busy} disabled={!file}>
              {c.start}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
