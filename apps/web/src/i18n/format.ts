// Dates as the product shows them: YYYY-MM-DD HH:mm in local time.
import dayjs from "dayjs";

export const formatDateTime = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format("YYYY-MM-DD HH:mm") : "—";

export const formatDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format("YYYY-MM-DD") : "—");

export const formatSize = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1048576
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1048576).toFixed(1)} MB`;
