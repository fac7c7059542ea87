/** 一键查询 · full results: every group the caller may see, up to 50 records each, with links. */
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Card, Empty, Input, List, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@xj/contracts/domain';
import type { SearchResult } from '@xj/contracts';
import { isApiError } from '../../shared/api';
import { consolePath, searchRecords } from '../../shared/search';
import { PageHeader } from '../components/PageHeader';
import { useSearchGroupLabel } from '../components/useSearchGroupLabel';

const PER_GROUP = 50;

export default function SearchPage() {
  const { t } = useTranslation();
  const groupLabel = useSearchGroupLabel();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const [text, setText] = useState(q);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setText(q), [q]);

  useEffect(() => {
    setResult(null);
    setError(null);
    if (!q) return;
    const controller = new AbortController();
    setLoading(true);
    searchRecords(q, PER_GROUP, controller.signal)
      .then(setResult)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(isApiError(e) ? e.message : t('errors.generic'));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [q, t]);

  return (
    <>
      <PageHeader title={t('search.title')} description={t('search.description')} />
      <Space orientation="vertical" size={16} className="full-width">
        <div role="search" aria-label={t('search.title')}>
          <Input.Search
            size="large"
            enterButton={t('common.search')}
            aria-label={t('search.label')}
            placeholder={t('search.placeholder')}
            maxLength={LIMITS.searchMax}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {})}
          />
        </div>
        {error && <Alert type="error" showIcon title={error} />}
        {loading && <Skeleton active />}
        {!loading && result && result.groups.length === 0 && <Empty description={t('search.noResultsFor', { q })} />}
        {!loading && !q && <Empty description={t('search.prompt')} />}
        {result?.groups.map((g) => (
          <Card
            key={g.type}
            size="small"
            title={
              <h2 className="card-title">
                {groupLabel(g)} <Typography.Text type="secondary">{t('search.groupTotal', { total: g.total })}</Typography.Text>
              </h2>
            }
            extra={g.total > g.items.length ? <Typography.Text type="secondary">{t('search.showingFirst', { n: g.items.length })}</Typography.Text> : undefined}
          >
            <List
              dataSource={g.items}
              renderItem={(item) => (
                <List.Item>
                  <List.Item.Meta title={<Link to={consolePath(item.link)}>{item.title}</Link>} description={item.subtitle} />
                </List.Item>
              )}
            />
          </Card>
        ))}
      </Space>
    </>
  );
}
