/**
 * 管家巡查: red stewards' inspections in the user's scope (filters: compound, result, dates),
 * with their photos and location, and 转工单 (a ticket at the compound, once per inspection).
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, DatePicker, Image, Popconfirm, Space, Table, Typography, type TableProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { INSPECTION_SEVERITIES, INSPECTION_SEVERITY_LABELS } from '@xj/contracts/domain';
import type { InspectionDto, InspectionSeverity } from '@xj/contracts';
import { api } from '../../../shared/api';
import { usePagedList } from '../../../shared/usePagedList';
import { FilterSelect } from '../../components/FilterSelect';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag, type Tone } from '../../components/ToneTag';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { ticketPath } from '../../routes';
import { useSession } from '../../session';

type Filters = { compoundId?: number; severity?: InspectionSeverity; from?: string; to?: string };

const SEVERITY_TONES: Record<InspectionSeverity, Tone> = { good: 'green', minor: 'gold', serious: 'red' };
const photoUrl = (id: number, photoId: number) => `/api/property-inspections/${id}/photos/${photoId}`;

export default function InspectionsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const { label, options } = useEnumLabels();
  const list = usePagedList<InspectionDto, Filters>('/api/property-inspections', {});
  const tableBox = useTableScrollRegion(t('inspections.tableRegion'), list.rows);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const canTicket = can('tickets.report');

  const openTicket = async (r: InspectionDto) => {
    setBusy(r.id);
    try {
      const done = await api.post<InspectionDto>(`/api/property-inspections/${r.id}/ticket`, {});
      void message.success(t('inspections.ticketed', { code: done.ticketCode ?? '' }));
      list.reload();
    } catch {
      // shown by the API wrapper
    } finally {
      setBusy(null);
    }
  };

  const columns: TableProps<InspectionDto>['columns'] = [
    { title: t('inspections.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
    { title: t('inspections.compound'), dataIndex: 'compoundName', width: 140 },
    { title: t('inspections.steward'), dataIndex: 'stewardName', width: 90 },
    { title: t('inspections.indicator'), dataIndex: 'indicatorName', width: 100 },
    {
      title: t('inspections.severity'),
      dataIndex: 'severity',
      width: 100,
      render: (s: InspectionSeverity) => <ToneTag tone={SEVERITY_TONES[s]}>{label(INSPECTION_SEVERITY_LABELS, s)}</ToneTag>,
    },
    { title: t('inspections.finding'), dataIndex: 'finding', width: 260, render: (v: string) => <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ marginBottom: 0 }}>{v}</Typography.Paragraph> },
    {
      title: t('inspections.photos'),
      key: 'photos',
      width: 180,
      render: (_: unknown, r) =>
        r.photoIds.length === 0 ? (
          '—'
        ) : (
          <Image.PreviewGroup>
            <Space size={4}>
              {r.photoIds.map((p, n) => (
                <Image key={p} width={48} height={48} style={{ objectFit: 'cover' }} src={photoUrl(r.id, p)} alt={t('inspections.photoAlt', { n: n + 1, compound: r.compoundName })} />
              ))}
            </Space>
          </Image.PreviewGroup>
        ),
    },
    {
      title: t('inspections.location'),
      key: 'location',
      width: 130,
      render: (_: unknown, r) => (r.lat === null || r.lng === null ? '—' : <span className="mono">{`${r.lat.toFixed(5)}, ${r.lng.toFixed(5)}`}</span>),
    },
    {
      title: t('inspections.ticket'),
      key: 'ticket',
      width: 170,
      fixed: 'right',
      render: (_: unknown, r) =>
        r.ticketId !== null ? (
          <Link to={ticketPath(r.ticketId)}>{r.ticketCode}</Link>
        ) : canTicket && r.severity !== 'good' ? (
          <Popconfirm title={t('inspections.ticketConfirm')} okText={t('inspections.toTicket')} cancelText={t('common.cancel')} onConfirm={() => openTicket(r)}>
            <Button size="small" autoInsertSpace={false} loading={busy === r.id} aria-label={t('inspections.toTicketFor', { compound: r.compoundName, indicator: r.indicatorName })}>
              {t('inspections.toTicket')}
            </Button>
          </Popconfirm>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('inspections.title')} description={t('inspections.description')} />
      <Card>
        <div className="filter-bar" role="search" aria-label={t('inspections.filters')}>
          <NodeTreeSelect
            className="filter-node"
            aria-label={t('inspections.compound')}
            placeholder={t('inspections.allCompounds')}
            deep={false}
            selectableKinds={['compound']}
            value={list.filters.compoundId}
            onChange={(compoundId) => list.setFilters({ compoundId })}
          />
          <FilterSelect<InspectionSeverity>
            label={t('inspections.severity')}
            placeholder={t('inspections.allSeverities')}
            value={list.filters.severity}
            onChange={(severity) => list.setFilters({ severity })}
            options={options(INSPECTION_SEVERITIES, INSPECTION_SEVERITY_LABELS) as { value: InspectionSeverity; label: string }[]}
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            aria-label={t('inspections.range')}
            value={range}
            onChange={(v) => {
              setRange(v);
              list.setFilters({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') });
            }}
          />
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        </div>
        <div ref={tableBox}>
          <Table<InspectionDto> rowKey="id" columns={columns} dataSource={list.rows} loading={list.loading} scroll={{ x: 1310 }} pagination={list.pagination} />
        </div>
      </Card>
    </>
  );
}
