// Downloads the server's Excel export of the current filtered list.
import { FileExcelOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useI18n } from "../i18n/LocaleContext.tsx";

export function ExportButton({ href }: { href: string }) {
  const { t } = useI18n();
  return (
    <Button icon={<FileExcelOutlined />} href={href} download data-testid="export-xlsx">
      {t.common.exportXlsx}
    </Button>
  );
}
