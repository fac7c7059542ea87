/** 工单类别: every category (disabled ones too) with its deadline, response limit and status. */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Space, Table, Typography, type TableProps } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TicketCategorySettingDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { ToneTag } from '../../components/ToneTag';
import { CategoryFormModal } from './CategoryFormModal';
import { useDeadlineText } from './deadlineText';

const BASE = '/api/ticket-settings/categories';

export function CategoriesTab() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const deadlineText = useDeadlineText();
  const [categories, setCategories] = useState<TicketCategorySettingDto[]>([]);
  const [loading, setLoading] = useState(true);
  // undefined: closed; null: a new category; else the one being edited.
  const [editing, setEditing] = useState<TicketCategorySettingDto | null | undefined>(undefined);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setCategories((await api.get<{ data: TicketCategorySettingDto[] }>(BASE)).data);
    } catch {
      // shown by the API wrapper
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const setActive = async (c: TicketCategorySettingDto, active: boolean) => {
    await api.patch(`${BASE}/${c.id}`, { active });
    void message.success(active ? t('ticketSettings.categories.enabledDone') : t('ticketSettings.categories.disabledDone'));
    void load();
  };

  const disable = (c: TicketCategorySettingDto) => {
    modal.confirm({
      title: t('ticketSettings.categories.disableTitle', { name: c.name }),
      content: t('ticketSettings.categories.disableConfirm'),
      okText: t('ticketSettings.categories.disable'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      // A refusal (the last active category) is shown by the API wrapper; the dialog closes either way.
      onOk: () => setActive(c, false).catch(() => undefined),
    });
  };

  const columns: TableProps<TicketCategorySettingDto>['columns'] = [
    { title: t('ticketSettings.categories.name'), dataIndex: 'name' },
    { title: t('ticketSettings.categories.code'), dataIndex: 'code', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('ticketSettings.categories.deadline'), key: 'deadline', render: (_: unknown, c) => deadlineText(c.deadlineAmount, c.deadlineUnit) },
    { title: t('ticketSettings.categories.responseHours'), dataIndex: 'responseHours', render: (v: number) => deadlineText(v, 'hours') },
    {
      title: t('ticketSettings.categories.status'),
      dataIndex: 'active',
      render: (v: boolean) =>
        v ? <ToneTag tone="green">{t('ticketSettings.categories.active')}</ToneTag> : <ToneTag tone="grey">{t('ticketSettings.categories.inactive')}</ToneTag>,
    },
    {
      title: t('ticketSettings.categories.actions'),
      key: 'actions',
      render: (_: unknown, c) => (
        <Space size={4} wrap={false}>
          <Button size="small" autoInsertSpace={false} onClick={() => setEditing(c)} aria-label={`${t('ticketSettings.categories.edit')} ${c.name}`}>
            {t('ticketSettings.categories.edit')}
          </Button>
          {c.active ? (
            <Button size="small" autoInsertSpace={false} danger onClick={() => disable(c)} aria-label={`${t('ticketSettings.categories.disable')} ${c.name}`}>
              {t('ticketSettings.categories.disable')}
            </Button>
          ) : (
            <Button size="small" autoInsertSpace={false} onClick={() => void setActive(c, true).catch(() => undefined)} aria-label={`${t('ticketSettings.categories.enable')} ${c.name}`}>
              {t('ticketSettings.categories.enable')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="ticket-settings-toolbar">
        <Typography.Text type="secondary">{t('ticketSettings.categories.deadlineHelp')}</Typography.Text>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label={t('common.refresh')} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('ticketSettings.categories.create')}
          </Button>
        </Space>
      </div>
      <Table
        rowKey="id"
        columns={columns}
        dataSource={categories}
        loading={loading}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('ticketSettings.categories.empty') }}
      />
      <CategoryFormModal
        open={editing !== undefined}
        category={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={(created) => {
          void message.success(created ? t('ticketSettings.categories.createdDone') : t('ticketSettings.categories.savedDone'));
          setEditing(undefined);
          void load();
        }}
      />
    </>
  );
}
