/**
 * One registry list page, described by a RegistrySpec: filter bar, server-side paginated table,
 * a detail drawer, Excel export and (with the write permission) Excel import and create and
 * edit dialogs. The role and organisation pages are all this component with their own spec.
 */
import { useContext, useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Card, Select, Space, Table, Tooltip, type TableProps } from 'antd';
import { EditOutlined, EyeOutlined, ImportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { usePagedList, type Filters } from '../../shared/usePagedList';
import { ExportButton } from '../components/ExportButton';
import { FilterSearch } from '../components/FilterSearch';
import { NodeTreeSelect } from '../components/NodeTreeSelect';
import { PageHeader } from '../components/PageHeader';
import { useSession } from '../session';
import { RegistryDrawer } from './RegistryDrawer';
import { RegistryFormModal } from './RegistryFormModal';
import { RegistryImportPage } from './RegistryImportPage';
import { RegistryViewContext } from './RegistryView';
import type { FilterSpec, RegistrySpec } from './types';

export function RegistryPage<T extends { id: number }>({ spec }: { spec: RegistrySpec<T> }) {
  return useContext(RegistryViewContext) === 'import' ? <RegistryImportPage spec={spec} /> : <RegistryList spec={spec} />;
}

function RegistryList<T extends { id: number }>({ spec }: { spec: RegistrySpec<T> }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canWrite = !!spec.form && can(spec.writePermission);
  const canImport = !!spec.excel && can(spec.writePermission);
  const list = usePagedList<T, Filters>(spec.apiPath, {});
  const [viewing, setViewing] = useState<T | null>(null);
  const [editing, setEditing] = useState<T | null>(null);
  const [formOpen, setFormOpen] = useState(false);

  const filter = (f: FilterSpec) => {
    switch (f.kind) {
      case 'q':
        return <FilterSearch key={f.key} label={f.label} placeholder={f.placeholder} onSearch={(q) => list.setFilters({ [f.key]: q })} />;
      case 'node':
        return (
          <NodeTreeSelect
            key={f.key}
            className="filter-node"
            aria-label={f.label}
            placeholder={f.label}
            deep={false}
            value={list.filters[f.key] as number | undefined}
            onChange={(v) => list.setFilters({ [f.key]: v })}
          />
        );
      case 'select':
        return (
          <Select<string>
            key={f.key}
            allowClear
            className="filter-select"
            aria-label={f.label}
            placeholder={f.label}
            value={list.filters[f.key] as string | undefined}
            onChange={(v) => list.setFilters({ [f.key]: v ?? undefined })}
            options={f.options}
            popupMatchSelectWidth={false}
          />
        );
    }
  };

  const columns: TableProps<T>['columns'] = [
    ...spec.columns,
    {
      title: t('common.actions'),
      key: 'actions',
      width: canWrite ? 96 : 56,
      fixed: 'right',
      render: (_: unknown, row: T) => (
        <Space size={0}>
          <Tooltip title={t('common.detail')}>
            <Button type="text" icon={<EyeOutlined />} aria-label={t('registry.detailFor', { name: spec.nameOf(row) })} onClick={() => setViewing(row)} />
          </Tooltip>
          {canWrite && (
            <Tooltip title={t('common.edit')}>
              <Button
                type="text"
                icon={<EditOutlined />}
                aria-label={t('registry.editFor', { name: spec.nameOf(row) })}
                onClick={() => {
                  setEditing(row);
                  setFormOpen(true);
                }}
              />
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={spec.title}
        description={spec.description}
        extra={
          <Space wrap>
            {spec.headerExtra}
            {canImport && (
              <Button icon={<ImportOutlined />} onClick={() => void navigate('import', { relative: 'path' })}>
                {t('registry.excel.import')}
              </Button>
            )}
            {spec.excel && (
              <ExportButton path={`${spec.apiPath}/export`} filters={list.filters} fallbackName={`${spec.excel.name}.xlsx`} canUnmask={can('people.unmask')} />
            )}
            {canWrite && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => {
                  setEditing(null);
                  setFormOpen(true);
                }}
              >
                {t('common.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <div className="filter-bar" role="search" aria-label={t('registry.filters', { name: spec.title })}>
          {spec.filters.map(filter)}
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        </div>
        <Table<T> rowKey="id" columns={columns} dataSource={list.rows} loading={list.loading} scroll={{ x: 960 }} pagination={list.pagination} />
      </Card>
      <RegistryDrawer spec={spec} row={viewing} onClose={() => setViewing(null)} />
      {spec.form && (
        <RegistryFormModal<T>
          open={formOpen}
          apiPath={spec.apiPath}
          spec={spec.form}
          row={editing}
          title={editing ? t('registry.editTitle', { name: spec.nameOf(editing) }) : t('registry.createTitle', { name: spec.title })}
          onClose={() => setFormOpen(false)}
          onSaved={() => {
            setFormOpen(false);
            void message.success(t('common.saved'));
            list.reload();
          }}
        />
      )}
    </>
  );
}
