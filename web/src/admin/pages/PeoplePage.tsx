/** 智慧党建 · 人员信息: the people registry, server-side paginated, phones and ID numbers masked. */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Space, Table, Tooltip, Typography, type TableProps } from 'antd';
import { EditOutlined, ImportOutlined, ReloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { GENDERS } from '@xj/contracts/domain';
import type { Gender, PersonDto } from '@xj/contracts';
import { useGenderLabel } from '../../shared/personLabels';
import { usePagedList } from '../../shared/usePagedList';
import { ExportButton } from '../components/ExportButton';
import { FilterSelect } from '../components/FilterSelect';
import { FilterSearch } from '../components/FilterSearch';
import { NodeTreeSelect } from '../components/NodeTreeSelect';
import { PageHeader } from '../components/PageHeader';
import { PersonFormModal } from '../components/PersonFormModal';
import { PATHS, personPath } from '../routes';
import { useSession } from '../session';

type PeopleFilters = { q?: string; nodeId?: number; gender?: Gender };

export default function PeoplePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const genderLabel = useGenderLabel();
  const canWrite = can('people.write');
  const list = usePagedList<PersonDto, PeopleFilters>('/api/people', {});
  const [editing, setEditing] = useState<PersonDto | null>(null);
  const [formOpen, setFormOpen] = useState(false);

  const columns: TableProps<PersonDto>['columns'] = [
    {
      title: t('people.name'),
      dataIndex: 'name',
      width: 120,
      render: (v: string, p) => <Link to={personPath(p.id)}>{v}</Link>,
    },
    { title: t('people.gender'), dataIndex: 'gender', width: 70, render: (g: Gender | null) => genderLabel(g) },
    { title: t('people.birthDate'), dataIndex: 'birthDate', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t('people.phone'), dataIndex: 'phone', width: 140, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
    { title: t('people.idNumber'), dataIndex: 'idNumber', width: 200, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
    {
      title: t('people.address'),
      dataIndex: 'nodePathNames',
      render: (path: string[]) => <Typography.Text>{path.join(' / ')}</Typography.Text>,
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            fixed: 'right' as const,
            render: (_: unknown, p: PersonDto) => (
              <Tooltip title={t('common.edit')}>
                <Button
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={t('people.editFor', { name: p.name })}
                  onClick={() => {
                    setEditing(p);
                    setFormOpen(true);
                  }}
                />
              </Tooltip>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('people.title')}
        description={t('people.description')}
        extra={
          <Space wrap>
            {canWrite && (
              <Button icon={<ImportOutlined />} onClick={() => void navigate(PATHS.peopleImport)}>
                {t('people.import')}
              </Button>
            )}
            <ExportButton path="/api/people/export" filters={list.filters} fallbackName="people.xlsx" canUnmask={can('people.unmask')} />
            {canWrite && (
              <Button
                type="primary"
                icon={<UserAddOutlined />}
                onClick={() => {
                  setEditing(null);
                  setFormOpen(true);
                }}
              >
                {t('people.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <div className="filter-bar" role="search" aria-label={t('people.filters')}>
          <FilterSearch label={t('people.search')} placeholder={t('people.searchPlaceholder')} onSearch={(q) => list.setFilters({ q })} />
          <NodeTreeSelect
            className="filter-node"
            aria-label={t('people.address')}
            placeholder={t('people.allNodes')}
            value={list.filters.nodeId}
            onChange={(nodeId) => list.setFilters({ nodeId })}
          />
          <FilterSelect<Gender>
            label={t('people.gender')}
            placeholder={t('people.allGenders')}
            value={list.filters.gender}
            onChange={(gender) => list.setFilters({ gender })}
            options={GENDERS.map((g) => ({ value: g, label: genderLabel(g) }))}
          />
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        </div>
        <Table<PersonDto> rowKey="id" columns={columns} dataSource={list.rows} loading={list.loading} scroll={{ x: 1000 }} pagination={list.pagination} />
      </Card>
      <PersonFormModal
        open={formOpen}
        person={editing}
        onClose={() => setFormOpen(false)}
        onSaved={(p) => {
          setFormOpen(false);
          void message.success(editing ? t('common.saved') : t('people.created', { name: p.name }));
          if (editing) list.reload();
          else void navigate(personPath(p.id));
        }}
      />
    </>
  );
}
