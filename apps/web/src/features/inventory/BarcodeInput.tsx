// One input for a barcode scanner (which types the code and presses Enter) and
// for manual entry. It keeps the focus so that scan follows scan.
import { BarcodeOutlined } from "@ant-design/icons";
import { Input, type InputRef } from "antd";
import { useEffect, useRef, useState } from "react";

export function BarcodeInput({
  placeholder,
  busy,
  onScan,
  testId,
}: {
  placeholder: string;
  busy: boolean;
  onScan: (code: string) => Promise<void>;
  testId: string;
}) {
  const [value, setValue] = useState("");
  const ref = useRef<InputRef>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus whenever the mode or the busy state changes
  useEffect(() => {
    if (!busy) ref.current?.focus();
  }, [busy, placeholder]);

  const submit = async () => {
    const code = value.trim();
    if (!code || busy) return;
    setValue("");
    await onScan(code);
  };

  return (
    <Input.Search
      ref={ref}
      size="large"
      value={value}
      placeholder={placeholder}
      prefix={<BarcodeOutlined />}
      enterButton="↵"
      loading={busy}
      autoComplete="off"
      spellCheck={false}
      data-testid={testId}
      onChange={(e) => setValue(e.target.value)}
      onSearch={() => void submit()}
    />
  );
}
