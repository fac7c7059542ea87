/**
 * One select of a list page's filter bar: clearable, named by its label for screen readers,
 * and reporting a cleared choice as `undefined` (the list drops the filter).
 */
import { Select } from 'antd';

interface Props<V extends string | number> {
  label: string;
  placeholder: string;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  options: { value: V; label: string }[];
  /** Let the dropdown grow wider than the select (long labels). */
  wideDropdown?: boolean;
}

export function FilterSelect<V extends string | number>({ label, placeholder, value, onChange, options, wideDropdown }: Props<V>) {
  return (
    <Select<V>
      allowClear
      className="filter-select"
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={options}
      {...(wideDropdown ? { popupMatchSelectWidth: false } : {})}
    />
  );
}
