// A list filter: a clearable select whose placeholder doubles as its label.
import { Select } from "antd";

interface Props {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  placeholder: string;
  options: { value: string; label: string }[];
  width?: number;
  /** Type to filter the options (long lists such as districts). */
  searchable?: boolean;
}

export function FilterSelect({ value, onChange, placeholder, options, width = 170, searchable }: Props) {
  return (
    <Select
      allowClear
      {...(searchable ? { showSearch: { optionFilterProp: "label" } } : {})}
      placeholder={placeholder}
      aria-label={placeholder}
      style={{ width }}
      value={value}
      onChange={onChange}
      options={options}
    />
  );
}
