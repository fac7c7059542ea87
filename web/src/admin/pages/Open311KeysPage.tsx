/** 系统管理 · Open311 接口密钥: the API keys of Open311 client systems (the plain key is shown once). */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Table, Typography, type TableProps } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { OPEN311_LIMITS } from '@xj/contracts/domain';
import type { Open311KeyCreatedDto, Open311KeyDto } from '@xj/contracts';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useSaving } from '../../shared/useSaving';
import { PageHeader } from '../components/PageHeader';
import { ToneTag } from '../components/ToneTag';

export default function Open311KeysPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [keys, setKeys] = useState<Open311KeyDto[]>([]);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Open311KeyCreatedDto | null>(null);
  const [saving, save] = useSaving();
  const [form] = Form.useForm<{ name: string }>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setKeys((await api.get<{ data: Open311KeyDto[] }>('/api/open311-keys')).data);
    } catch {
      // shown by the API wrapper
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const onCreate = (values: { name: string }) =>
    save(async () => {
      setCreated(await api.post<Open311KeyCreatedDto>('/api/open311-keys', { name: values.name }));
      setCreating(false);
      form.resetFields();
      void load();
    });

  const revoke = (k: Open311KeyDto) => {
    modal.confirm({
      title: `${t('open311Keys.revoke')}：${k.name}`,
      content: t('open311Keys.revokeConfirm'),
      okText: t('open311Keys.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        await api.post(`/api/open311-keys/${k.id}/revoke`);
        void message.success(t('open311Keys.revokedDone'));
        void load();
      },
    });
  };

  const columns: TableProps<Open311KeyDto>['columns'] = [
    { title: t('open311Keys.name'), dataIndex: 'name' },
    { title: t('open311Keys.keyPrefix'), dataIndex: 'keyPrefix', render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
    { title: t('open311Keys.createdBy'), dataIndex: 'createdBy', render: (v: Open311KeyDto['createdBy']) => v?.name ?? 'cli' },
    { title: t('open311Keys.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    { title: t('open311Keys.lastUsedAt'), dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? formatDateTime(v) : t('open311Keys.neverUsed')) },
    {
      title: t('open311Keys.status'),
      dataIndex: 'revokedAt',
      render: (v: string | null) => (v ? <ToneTag tone="grey">{t('open311Keys.revoked')}</ToneTag> : <ToneTag tone="green">{t('open311Keys.active')}</ToneTag>),
    },
    {
      key: 'actions',
      render: (_: unknown, k) =>
        k.revokedAt ? null : (
          <Button danger size="small" onClick={() => revoke(k)}>
            {t('open311Keys.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('open311Keys.title')}
        description={t('open311Keys.description')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label={t('common.refresh')} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('open311Keys.create')}
            </Button>
          </>
        }
      />
      <Card>
        <Table rowKey="id" columns={columns} dataSource={keys} loading={loading} pagination={false} locale={{ emptyText: t('open311Keys.empty') }} scroll={{ x: 'max-content' }} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('open311Keys.cli')}
        </Typography.Paragraph>
      </Card>
      <Modal
        open={creating}
        title={t('open311Keys.create')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void onCreate(v)}>
          <Form.Item name="name" label={t('open311Keys.name')} rules={[{ required: true, whitespace: true, message: t('open311Keys.nameRequired') }]}>
            <Input maxLength={OPEN311_LIMITS.keyNameMax} placeholder={t('open311Keys.namePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={created !== null} title={t('open311Keys.createdTitle')} footer={null} onCancel={() => setCreated(null)}>
        <Alert type="warning" showIcon message={t('open311Keys.createdHint')} />
        <Typography.Paragraph copyable={{ text: created?.key ?? '' }} code style={{ marginTop: 16 }}>
          {created?.key}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
