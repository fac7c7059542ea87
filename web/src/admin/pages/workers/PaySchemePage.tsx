/**
 * 三岗十八级薪酬方案: the current version's 3×18 base pay grid and allowances; workers.configure
 * edits them in place and saves a new version. Pay sheets keep the version they were computed with.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, Table, type TableProps } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { WORKER_POSTS, WORKER_POST_LABELS } from '@xj/contracts/domain';
import type { PaySchemeCreate, PaySchemeDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { useSession } from '../../session';
import { PayAmount } from './PayAmount';
import { PaySchemeAllowances } from './PaySchemeAllowances';

const editable = (s: PaySchemeDto): PaySchemeCreate => ({
  name: s.name, basePay: s.basePay, education: s.education, qualification: s.qualification,
  seniorityPerYear: s.seniorityPerYear, seniorityCapYears: s.seniorityCapYears, bonus: s.bonus, note: s.note,
});
const GRADES = Array.from({ length: 18 }, (_, i) => i + 1);

export default function PaySchemePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const { label } = useEnumLabels();
  const [schemes, setSchemes] = useState<PaySchemeDto[] | null>(null);
  const [version, setVersion] = useState(0);
  const [draft, setDraft] = useState<PaySchemeCreate | null>(null);
  const { saving, error, submit } = useSubmit();

  useEffect(() => {
    const controller = new AbortController();
    api.get<{ data: PaySchemeDto[] }>('/api/worker-pay/schemes', { signal: controller.signal }).then((r) => setSchemes(r.data)).catch(() => undefined);
    return () => controller.abort();
  }, [version]);

  const current = schemes?.[0];
  const shown = draft ?? (current ? editable(current) : null);
  const editing = !!draft;

  const gridColumns: TableProps<number>['columns'] = [
    { title: t('workerPay.scheme.grade'), key: 'grade', width: 80, render: (_: unknown, g) => t('workerPay.scheme.gradeValue', { grade: g }) },
    ...WORKER_POSTS.map((p) => ({
      title: label(WORKER_POST_LABELS, p),
      key: p,
      align: 'right' as const,
      render: (_: unknown, g: number) =>
        shown && (
          <PayAmount
            value={shown.basePay[p][g - 1]!}
            editing={editing}
            label={`${label(WORKER_POST_LABELS, p)} ${t('workerPay.scheme.gradeValue', { grade: g })}`}
            onChange={(n) => setDraft((d) => d && { ...d, basePay: { ...d.basePay, [p]: d.basePay[p].map((x, i) => (i === g - 1 ? n : x)) } })}
          />
        ),
    })),
  ];

  const historyColumns: TableProps<PaySchemeDto>['columns'] = [
    {
      title: t('workerPay.sheets.version'),
      dataIndex: 'version',
      width: 140,
      render: (v: number, s) => (
        <>
          {t('workerPay.versionValue', { version: v })} {s.id === current?.id && <ToneTag tone="green">{t('workerPay.scheme.current')}</ToneTag>}
        </>
      ),
    },
    { title: t('workerPay.scheme.name'), dataIndex: 'name' },
    { title: t('workerPay.scheme.createdBy'), dataIndex: 'createdByName', width: 140, render: (v: string | null) => v ?? t('workerPay.scheme.platform') },
    { title: t('workerPay.scheme.createdAt'), dataIndex: 'createdAt', width: 180, render: (v: string) => new Date(v).toLocaleString('zh-CN') },
    { title: t('workerPay.scheme.sheetsUsing'), dataIndex: 'sheets', width: 140, align: 'right' },
  ];

  const save = () =>
    submit(async () => {
      if (!draft) return;
      await api.post<PaySchemeDto>('/api/worker-pay/schemes', draft, { silent: true });
      setDraft(null);
      void message.success(t('workerPay.scheme.saved'));
      setVersion((v) => v + 1);
    });

  return (
    <>
      <PageHeader
        title={t('workerPay.scheme.title')}
        description={t('workerPay.scheme.description')}
        extra={
          can('workers.configure') &&
          current &&
          (editing ? (
            <Space>
              <Button onClick={() => setDraft(null)}>{t('workerPay.scheme.cancel')}</Button>
              <Button type="primary" loading={saving} onClick={() => void save()}>
                {t('workerPay.scheme.save')}
              </Button>
            </Space>
          ) : (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setDraft(editable(current))}>
              {t('workerPay.scheme.edit')}
            </Button>
          ))
        }
      />
      {current?.isDefault && !editing && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('workerPay.scheme.defaultNote')} description={current.note} />}
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={error} />}
      {editing && draft && (
        <Card style={{ marginBottom: 16 }}>
          <Form layout="vertical">
            <Form.Item label={t('workerPay.scheme.name')} htmlFor="pay-scheme-name">
              <Input id="pay-scheme-name" maxLength={50} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
            </Form.Item>
            <Form.Item label={t('workerPay.scheme.note')} htmlFor="pay-scheme-note">
              <Input.TextArea id="pay-scheme-note" maxLength={500} rows={2} value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />
            </Form.Item>
          </Form>
        </Card>
      )}
      <Card title={`${t('workerPay.scheme.grid')}${current ? ` · ${current.name}（${t('workerPay.versionValue', { version: current.version })}）` : ''}`}>
        <section aria-label={t('workerPay.scheme.gridRegion')}>
          <Table<number> rowKey={(g) => g} columns={gridColumns} dataSource={shown ? GRADES : []} loading={!schemes} pagination={false} size="small" scroll={{ x: 600 }} />
        </section>
      </Card>
      <Card title={t('workerPay.scheme.allowances')} style={{ marginTop: 16 }}>
        {shown && <PaySchemeAllowances scheme={shown} editing={editing} onChange={(s) => setDraft(s)} />}
      </Card>
      <Card title={t('workerPay.scheme.history')} style={{ marginTop: 16 }}>
        <Table<PaySchemeDto> rowKey="id" columns={historyColumns} dataSource={schemes ?? []} loading={!schemes} pagination={false} scroll={{ x: 800 }} />
      </Card>
    </>
  );
}
