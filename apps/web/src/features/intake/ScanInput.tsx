// A barcode field for a handheld scanner: scanners "type" the code and press
// Enter, so the field keeps focus and takes the code on Enter; lower case,
// spaces and line ends from the scanner are tolerated.
import { BarcodeOutlined } from "@ant-design/icons";
import { Input, type InputRef } from "antd";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "../../i18n/LocaleContext.tsx";

export const normaliseBarcode = (typed: string) => typed.trim().toUpperCase();

export function ScanInput({
  onScan,
  autoFocus = true,
}: {
  onScan: (barcode: string) => void;
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const ref = useRef<InputRef>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  return (
    <Input
      ref={ref}
      value={text}
      prefix={<BarcodeOutlined />}
      placeholder={t.intake.scanPlaceholder}
      aria-label={t.intake.scanPlaceholder}
      data-testid="scan-input"
      style={{ width: 340 }}
      allowClear
      onChange={(e) => setText(e.target.value)}
      onPressEnter={(e) => {
        // The Enter opens a modal; without this its keypress would "click" the modal's first button.
        e.preventDefault();
        const code = normaliseBarcode(text);
        setText("");
        if (code) onScan(code);
      }}
    />
  );
}
