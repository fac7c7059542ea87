/**
 * 一键查询 in the console header: debounced suggestions grouped by record type (label + total),
 * choosing one opens its record; Enter opens the full results page.
 */
import { forwardRef, useEffect, useMemo, useRef, useState, type ComponentProps } from 'react';
import { useNavigate } from 'react-router';
import { AutoComplete, Input, Typography, type AutoCompleteProps, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@xj/contracts/domain';
import type { SearchResult } from '@xj/contracts';
import { useDebounced } from '../../shared/useDebounced';
import { consolePath, searchRecords } from '../../shared/search';
import { PATHS } from '../routes';
import { useSearchGroupLabel } from './useSearchGroupLabel';

const SUGGESTIONS_PER_GROUP = 5;

/**
 * The search input; rc-select points aria-activedescendant at "…_list_-1" while no suggestion is
 * active, an id that does not exist (axe: aria-valid-attr-value), so that value is dropped.
 */
const SearchInput = forwardRef<InputRef, ComponentProps<typeof Input.Search>>(function SearchInput(props, ref) {
  const active = props['aria-activedescendant'];
  return <Input.Search {...props} ref={ref} aria-activedescendant={active?.endsWith('_-1') ? undefined : active} />;
});

export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const groupLabel = useSearchGroupLabel();
  const [text, setText] = useState('');
  const term = useDebounced(text.trim(), 250);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [searching, setSearching] = useState(false);
  const justSelected = useRef(false);

  useEffect(() => {
    if (!term) {
      setResult(null);
      return;
    }
    const controller = new AbortController();
    setSearching(true);
    searchRecords(term, SUGGESTIONS_PER_GROUP, controller.signal)
      .then(setResult)
      .catch(() => undefined)
      .finally(() => {
        if (!controller.signal.aborted) setSearching(false);
      });
    return () => controller.abort();
  }, [term]);

  const options = useMemo<AutoCompleteProps['options']>(() => {
    if (!result || !term) return [];
    if (result.groups.length === 0) {
      return [{ value: '', disabled: true, label: <Typography.Text type="secondary">{t('search.noResults')}</Typography.Text> }];
    }
    // A flat list (group headings as disabled entries): rc-select's grouped a11y list carries an
    // aria-selected on a role=presentation node, which axe reports.
    return result.groups.flatMap((g) => [
      {
        value: `group:${g.type}`,
        disabled: true,
        className: 'search-group-option',
        label: (
          <span className="search-group-label">
            <strong>{groupLabel(g)}</strong>
            <span>{t('search.groupTotal', { total: g.total })}</span>
          </span>
        ),
      },
      ...g.items.map((item) => ({
        value: item.link,
        label: (
          <div className="search-option" data-testid="search-option">
            <span className="search-option-title">{item.title}</span>
            {item.subtitle && <span className="search-option-subtitle">{item.subtitle}</span>}
          </div>
        ),
      })),
    ]);
  }, [result, term, t, groupLabel]);

  const openAll = (q: string) => {
    if (justSelected.current) {
      justSelected.current = false;
      return;
    }
    const v = q.trim();
    if (!v) return;
    void navigate(`${PATHS.search}?q=${encodeURIComponent(v)}`);
  };

  return (
    <div role="search" aria-label={t('search.title')} className="header-search">
      <AutoComplete
        value={text}
        options={options}
        onChange={(v) => setText(v)}
        onSelect={(link) => {
          if (!link || link.startsWith('group:')) return;
          justSelected.current = true;
          setText('');
          setResult(null);
          void navigate(consolePath(link));
          setTimeout(() => (justSelected.current = false), 0);
        }}
        defaultActiveFirstOption={false}
        popupMatchSelectWidth={360}
        className="header-search-box"
      >
        <SearchInput
          allowClear
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          maxLength={LIMITS.searchMax}
          loading={searching}
          onSearch={openAll}
        />
      </AutoComplete>
    </div>
  );
}
