/** A property company's service contracts (GET /api/property-companies/:id/contracts). */
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONTRACT_STATUS_LABELS } from '@xj/contracts/domain';
import type { PropertyContractDto } from '@xj/contracts';
import { ToneTag } from '../components/ToneTag';
import { usePagedList } from '../../shared/usePagedList';
import { useEnumLabels } from './useEnumLabel';

const TONES = { upcoming: 'blue', active: 'green', expired: 'grey' } as const;

export function PropertyContractsTable({ companyId }: { companyId: number }) {
  const { t } = useTranslation();
  const e = useEnumLabels();
  const list = usePagedList<PropertyContractDto>(`/api/property-companies/${companyId}/contracts`, {});
  return (
    <>
      <h2 className="card-title drawer-subtitle">{t('registry.companies.contracts')}</h2>
      <Table<PropertyContractDto>
        size="small"
        rowKey="id"
        dataSource={list.rows}
        loading={list.loading}
        pagination={{ ...list.pagination, showSizeChanger: false }}
        columns={[
          { title: t('registry.compound'), dataIndex: 'compoundName' },
          { title: t('registry.companies.contractDates'), key: 'dates', render: (_, r) => `${r.startDate} ~ ${r.endDate}` },
          { title: t('registry.companies.feeStandard'), dataIndex: 'feeStandard', render: (v: string | null) => v ?? '—' },
          { title: t('common.status'), dataIndex: 'status', render: (v: PropertyContractDto['status']) => <ToneTag tone={TONES[v]}>{e.label(CONTRACT_STATUS_LABELS, v)}</ToneTag> },
        ]}
      />
    </>
  );
}
