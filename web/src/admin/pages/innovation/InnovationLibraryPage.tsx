/** 创新创效案例库: published cases, searchable by text, filtered by tag (with counts), newest first. */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Flex, Input, Space, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { InnovationCaseSummaryDto, InnovationLibraryDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { innovationPath, PATHS } from '../../routes';
import { useSession } from '../../session';
import { figureText } from './InnovationStatusTag';

const PAGE_SIZE = 20;

export default function InnovationLibraryPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [tag, setTag] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<InnovationLibraryDto | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
    if (q) params.set('q', q);
    if (tag) params.set('tag', tag);
    setLoading(true);
    api
      .get<InnovationLibraryDto>(`/api/innovation?${params}`)
      .then(setData)
      .catch(() => setData(null))
      .finally(() => setLoading(false));
  }, [q, tag, page]);

  const columns: TableProps<InnovationCaseSummaryDto>['columns'] = [
    { title: t('innovation.caseTitle'), dataIndex: 'title', render: (title: string, r) => <Link to={innovationPath(r.id)}>{title}</Link> },
    { title: t('innovation.unit'), dataIndex: 'unitName' },
    { title: t('innovation.publishedAt'), dataIndex: 'publishedAt', width: 110, render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD') : '') },
    {
      title: t('innovation.tags'),
      dataIndex: 'tags',
      render: (tags: string[]) => (
        <Space size={[0, 4]} wrap>
          {tags.map((x) => (
            <ToneTag key={x} tone="teal">{x}</ToneTag>
          ))}
        </Space>
      ),
    },
    {
      title: t('innovation.keyFigures'),
      dataIndex: 'figures',
      render: (figures: InnovationCaseSummaryDto['figures']) => (
        <Flex vertical>
          {figures.slice(0, 3).map((f, i) => (
            <Typography.Text key={i}>{figureText(f)}</Typography.Text>
          ))}
        </Flex>
      ),
    },
  ];

  const tags = data?.tags ?? [];
  return (
    <>
      <PageHeader title={t('innovation.title')} description={t('innovation.description')} extra={
          <Space wrap>
            {can('innovation.submit') && <Link to={PATHS.innovationSubmissions}>{t('nav.innovationSubmissions')}</Link>}
            <ExportButton path="/api/innovation/export" filters={{ q: q || undefined, tag: tag ?? undefined }} fallbackName="创新案例库.xlsx" canUnmask={false} />
          </Space>
        }
      />
      <Card>
        <Flex vertical gap={12}>
          <Input.Search
            aria-label={t('innovation.searchLabel')}
            placeholder={t('innovation.searchPlaceholder')}
            allowClear
            enterButton={t('common.search')}
            maxLength={100}
            style={{ maxWidth: 480 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
          <Flex gap={6} wrap role="group" aria-label={t('innovation.tagsLabel')}>
            <Button size="small" type={tag === null ? 'primary' : 'default'} aria-pressed={tag === null} onClick={() => { setTag(null); setPage(1); }}>
              {t('innovation.allTags')}
            </Button>
            {tags.map((x) => (
              <Button
                key={x.tag}
                size="small"
                type={tag === x.tag ? 'primary' : 'default'}
                aria-pressed={tag === x.tag}
                onClick={() => {
                  setTag(tag === x.tag ? null : x.tag);
                  setPage(1);
                }}
              >
                {t('innovation.tagWithCount', { tag: x.tag, count: x.count })}
              </Button>
            ))}
          </Flex>
          <Table
            rowKey="id"
            size="small"
            loading={loading}
            dataSource={data?.data ?? []}
            columns={columns}
            locale={{ emptyText: t('innovation.empty') }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.pagination.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (total) => t('common.total', { total }) }}
            scroll={{ x: 'max-content' }}
          />
        </Flex>
      </Card>
    </>
  );
}
