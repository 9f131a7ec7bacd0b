// A search box whose text follows the URL filter it edits (so "reset" clears it).
import { Input } from "antd";
import { useEffect, useState } from "react";

export function SearchInput({
  value,
  onSearch,
  placeholder,
  width = 300,
}: {
  value: string | undefined;
  onSearch: (q: string) => void;
  placeholder: string;
  width?: number;
}) {
  const [text, setText] = useState(value ?? "");
  useEffect(() => setText(value ?? ""), [value]);
  return (
    <Input.Search
      allowClear
      value={text}
      placeholder={placeholder}
      aria-label={placeholder}
      onChange={(e) => setText(e.target.value)}
      onSearch={(q) => onSearch(q.trim())}
      style={{ width }}
    />
  );
}
