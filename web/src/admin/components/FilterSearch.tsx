/** The text box of a list's filter bar: applies on Enter or the search button, clears at once. */
import { useState } from 'react';
import { Input } from 'antd';
import { LIMITS } from '@xj/contracts/domain';

interface Props {
  label: string;
  placeholder: string;
  onSearch: (q: string | undefined) => void;
}

export function FilterSearch({ label, placeholder, onSearch }: Props) {
  const [text, setText] = useState('');
  return (
    <Input.Search
      allowClear
      className="filter-search"
      placeholder={placeholder}
      aria-label={label}
      value={text}
      maxLength={LIMITS.searchMax}
      onChange={(e) => {
        setText(e.target.value);
        if (!e.target.value) onSearch(undefined);
      }}
      onSearch={(v) => onSearch(v.trim() || undefined)}
    />
  );
}
