/** Picks one record of a list API by typing (GET path?q=…&pageSize=20), e.g. a person or a branch. */
import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api';
import { useDebounced } from '../../shared/useDebounced';

export interface RemoteSource {
  path: string;
  query?: Record<string, string>;
  labelOf: (item: { id: number } & Record<string, unknown>) => string;
  placeholder: string;
}

interface Props {
  source: RemoteSource;
  value?: number;
  onChange?: (id: number | undefined) => void;
  fallbackLabel?: string;
  id?: string;
}

type Item = { id: number } & Record<string, unknown>;

export function RemoteSelect({ source, value, onChange, fallbackLabel, id }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const term = useDebounced(text.trim(), 250);
  const [found, setFound] = useState<Item[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!term) return;
    const controller = new AbortController();
    setLoading(true);
    api
      .get<{ data: Item[] }>(source.path, { query: { ...source.query, q: term, pageSize: 20 }, signal: controller.signal, silent: true })
      .then((r) => setFound(r.data))
      .catch(() => undefined)
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [term, source]);

  const options = found.map((item) => ({ value: item.id, label: source.labelOf(item) }));
  if (value !== undefined && value !== null && !options.some((o) => o.value === value)) options.unshift({ value, label: fallbackLabel ?? String(value) });

  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={loading}
      allowClear
      placeholder={source.placeholder}
      notFoundContent={term ? t('common.noData') : t('registry.typeToFind')}
    />
  );
}
