/**
 * 书记接待日: the county's and subdistricts' sessions (plan, open, print the minutes) and the
 * escalated tickets (书记直通车) still waiting for a decision.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, type TableProps } from 'antd';
import { PlusOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { RECEPTION_DAY_LIMITS, RECEPTION_DAY_STATUSES } from '@xj/contracts/domain';
import type { EscalationDto, ReceptionDayDetailDto, ReceptionDayDto, ReceptionDayStatus } from '@xj/contracts';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { usePagedList } from '../../shared/usePagedList';
import { useSaving } from '../../shared/useSaving';
import { NodeTreeSelect } from '../components/NodeTreeSelect';
import { PageHeader } from '../components/PageHeader';
import { ToneTag } from '../components/ToneTag';
import { ticketPath } from '../routes';
import { useSession } from '../session';
import { ReceptionDayDrawer } from './reception/ReceptionDayDrawer';
import { minutesUrl, RECEPTION_STATUS_TONES, useReceptionLabels } from './reception/receptionLabels';

const HOLDING_KINDS = ['county', 'subdistrict'] as const;

interface CreateValues {
  nodeId: number;
  day: Dayjs;
  place: string;
}

export default function ReceptionDaysPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const labels = useReceptionLabels();
  const canManage = can('tickets.manage');
  const list = usePagedList<ReceptionDayDto, { status?: ReceptionDayStatus }>('/api/reception-days', {});
  const [pending, setPending] = useState<EscalationDto[]>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [saving, save] = useSaving();
  const [form] = Form.useForm<CreateValues>();

  const loadPending = useCallback(async () => {
    try {
      setPending((await api.get<{ data: EscalationDto[] }>('/api/reception-days/pending-escalations')).data);
    } catch {
      // shown by the API wrapper
    }
  }, []);

  useEffect(() => {
    void loadPending();
  }, [loadPending]);

  const refresh = () => {
    list.reload();
    void loadPending();
  };

  const create = (v: CreateValues) =>
    save(async () => {
      const rd = await api.post<ReceptionDayDetailDto>('/api/reception-days', { nodeId: v.nodeId, day: v.day.format('YYYY-MM-DD'), place: v.place.trim() });
      setCreating(false);
      form.resetFields();
      refresh();
      setOpenId(rd.id);
    });

  const columns: TableProps<ReceptionDayDto>['columns'] = [
    { title: t('receptionDays.day'), dataIndex: 'day', width: 120 },
    { title: t('receptionDays.node'), dataIndex: 'nodeName' },
    { title: t('receptionDays.place'), dataIndex: 'place' },
    {
      title: t('receptionDays.status'),
      dataIndex: 'status',
      render: (s: ReceptionDayStatus) => <ToneTag tone={RECEPTION_STATUS_TONES[s]}>{labels.status(s)}</ToneTag>,
    },
    { title: t('receptionDays.attendees'), dataIndex: 'attendeeCount' },
    {
      title: t('receptionDays.agenda'),
      key: 'agenda',
      render: (_: unknown, rd) => t('receptionDays.decided', { decided: rd.decidedCount, total: rd.itemCount }),
    },
    {
      key: 'actions',
      render: (_: unknown, rd) => (
        <Space>
          <Button size="small" onClick={() => setOpenId(rd.id)}>
            {t('receptionDays.open')}
          </Button>
          <Button size="small" type="link" icon={<PrinterOutlined />} href={minutesUrl(rd.id)} target="_blank" rel="noopener">
            {t('receptionDays.printMinutes')}
          </Button>
        </Space>
      ),
    },
  ];

  const pendingColumns: TableProps<EscalationDto>['columns'] = [
    { title: t('receptionDays.ticket'), dataIndex: 'ticketCode', render: (code: string, e) => <Link to={ticketPath(e.ticketId)}>{code}</Link> },
    { title: t('receptionDays.community'), dataIndex: 'communityName' },
    { title: t('receptionDays.reason'), dataIndex: 'reason' },
    { title: t('receptionDays.escalatedBy'), dataIndex: 'escalatedBy', render: (v: EscalationDto['escalatedBy']) => v?.name ?? '—' },
    { title: t('receptionDays.escalatedAt'), dataIndex: 'escalatedAt', render: (v: string) => formatDateTime(v) },
    {
      title: t('receptionDays.scheduledOn'),
      dataIndex: 'receptionDay',
      render: (rd: EscalationDto['receptionDay']) =>
        rd ? (
          <Button type="link" size="small" onClick={() => setOpenId(rd.id)}>
            {rd.day} · {rd.nodeName}
          </Button>
        ) : (
          <ToneTag tone="orange">{t('receptionDays.unscheduled')}</ToneTag>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('receptionDays.title')}
        description={t('receptionDays.description')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={refresh} aria-label={t('common.refresh')} />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('receptionDays.create')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Space style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('receptionDays.status')}
            aria-label={t('receptionDays.status')}
            value={list.filters.status}
            onChange={(status?: ReceptionDayStatus) => list.setFilters({ status })}
            options={RECEPTION_DAY_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
          />
        </Space>
        <Table
          rowKey="id"
          columns={columns}
          dataSource={list.rows}
          loading={list.loading}
          pagination={list.pagination}
          locale={{ emptyText: t('receptionDays.empty') }}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <Card title={t('receptionDays.pendingTitle')} style={{ marginTop: 16 }}>
        <Table rowKey="id" columns={pendingColumns} dataSource={pending} pagination={false} locale={{ emptyText: t('receptionDays.pendingEmpty') }} scroll={{ x: 'max-content' }} />
      </Card>

      <ReceptionDayDrawer id={openId} canManage={canManage} onClose={() => setOpenId(null)} onChanged={refresh} />
      <Modal
        open={creating}
        title={t('receptionDays.create')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void create(v)}>
          <Form.Item name="nodeId" label={t('receptionDays.node')} rules={[{ required: true, message: t('receptionDays.nodeRequired') }]}>
            <NodeTreeSelect deep={false} selectableKinds={HOLDING_KINDS} allowClear={false} />
          </Form.Item>
          <Form.Item name="day" label={t('receptionDays.day')} rules={[{ required: true, message: t('receptionDays.dayRequired') }]}>
            <DatePicker className="full-width" />
          </Form.Item>
          <Form.Item name="place" label={t('receptionDays.place')} rules={[{ required: true, whitespace: true, message: t('receptionDays.placeRequired') }]}>
            <Input maxLength={RECEPTION_DAY_LIMITS.placeMax} placeholder={t('receptionDays.placePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
