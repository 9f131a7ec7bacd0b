// A button that opens a small form in a modal and runs `onSubmit`; a refusal
// shows in the modal with its clause.
import { Button, type ButtonProps, Form, type FormInstance, Modal } from "antd";
import { type ReactNode, useState } from "react";
import { type ApiError, asApiError } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";

export function FormButton<V extends object>({
  label,
  title,
  children,
  onSubmit,
  initialValues,
  button,
}: {
  label: ReactNode;
  title: ReactNode;
  children: (form: FormInstance<V>) => ReactNode;
  onSubmit: (values: V) => Promise<unknown>;
  initialValues?: Partial<V>;
  button?: ButtonProps;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [form] = Form.useForm<V>();
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(v);
      form.resetFields();
      setOpen(false);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        open={open}
        title={title}
        onCancel={() => setOpen(false)}
        onOk={submit}
        confirmLoading={busy}
        destroyOnHidden
      >
        <ErrorAlert error={error} />
        <Form<V> form={form} layout="vertical" initialValues={initialValues} preserve={false}>
          {children(form)}
        </Form>
      </Modal>
    </>
  );
}

/** Options of a { code: Bilingual } map for a Select. */
export const optionsOf = <K extends string>(
  map: Record<K, { zh: string; en: string }>,
  pick: (m: { zh: string; en: string }) => string,
) => (Object.keys(map) as K[]).map((value) => ({ value, label: pick(map[value]) }));
