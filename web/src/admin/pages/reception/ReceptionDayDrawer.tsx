/**
 * One reception day: attendees, the agenda with each ticket's decision, holding it with its
 * minutes, cancelling it, and the printable minutes.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Descriptions, Drawer, Empty, Form, Input, List, Modal, Select, Space, Table, Typography, type TableProps } from 'antd';
import { DeleteOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ATTENDEE_ROLES, RECEPTION_DAY_LIMITS } from '@xj/contracts/domain';
import type { AgendaItemDto, AttendeeCreate, ReceptionDayDetailDto, TicketDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useSaving } from '../../../shared/useSaving';
import { ToneTag } from '../../components/ToneTag';
import { ticketPath } from '../../routes';
import { TicketStatusTag } from '../tickets/TicketTags';
import { DecideModal } from './DecideModal';
import { minutesUrl, RECEPTION_STATUS_TONES, useReceptionLabels } from './receptionLabels';

interface Props {
  id: number | null;
  canManage: boolean;
  onClose: () => void;
  /** The session changed: the list refreshes its counts. */
  onChanged: () => void;
}

export function ReceptionDayDrawer({ id, canManage, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const labels = useReceptionLabels();
  const [rd, setRd] = useState<ReceptionDayDetailDto | null>(null);
  const [deciding, setDeciding] = useState<AgendaItemDto | null>(null);
  const [holding, setHolding] = useState(false);
  const [code, setCode] = useState('');
  const [saving, save] = useSaving();
  const [attendeeForm] = Form.useForm<AttendeeCreate>();
  const [holdForm] = Form.useForm<{ minutes: string }>();

  const load = useCallback(async () => {
    if (id === null) return;
    try {
      setRd(await api.get<ReceptionDayDetailDto>(`/api/reception-days/${id}`));
    } catch {
      // shown by the API wrapper
    }
  }, [id]);

  useEffect(() => {
    setRd(null);
    void load();
  }, [load]);

  /** Every change answers the whole session: show it and let the list refresh. */
  const change = (action: () => Promise<ReceptionDayDetailDto>) =>
    save(async () => {
      setRd(await action());
      onChanged();
    });

  const planned = rd?.status === 'planned';
  const editable = canManage && planned;

  const addAttendee = (v: AttendeeCreate) =>
    change(async () => {
      const next = await api.post<ReceptionDayDetailDto>(`/api/reception-days/${id}/attendees`, { ...v, position: v.position?.trim() || undefined });
      attendeeForm.resetFields();
      return next;
    });

  const removeAttendee = (attendeeId: number) =>
    modal.confirm({
      title: t('receptionDays.removeConfirm'),
      okText: t('receptionDays.remove'),
      cancelText: t('common.cancel'),
      onOk: () => change(() => api.del<ReceptionDayDetailDto>(`/api/reception-days/${id}/attendees/${attendeeId}`)),
    });

  const addToAgenda = () =>
    change(async () => {
      const found = await api.get<{ data: TicketDto[] }>('/api/tickets', { query: { q: code.trim(), pageSize: 1 } });
      const ticket = found.data.find((x) => x.code === code.trim().toUpperCase());
      if (!ticket) {
        void message.warning(t('receptionDays.ticketNotFound'));
        return rd!;
      }
      const next = await api.post<ReceptionDayDetailDto>(`/api/reception-days/${id}/agenda`, { ticketId: ticket.id });
      setCode('');
      return next;
    });

  const hold = (v: { minutes: string }) =>
    change(async () => {
      const next = await api.post<ReceptionDayDetailDto>(`/api/reception-days/${id}/hold`, { minutes: v.minutes.trim() });
      setHolding(false);
      return next;
    });

  const cancel = () =>
    modal.confirm({
      title: t('receptionDays.cancel'),
      content: t('receptionDays.cancelConfirm'),
      okText: t('receptionDays.cancel'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => change(() => api.patch<ReceptionDayDetailDto>(`/api/reception-days/${id}`, { status: 'cancelled' })),
    });

  const agendaColumns: TableProps<AgendaItemDto>['columns'] = [
    {
      title: t('receptionDays.ticket'),
      key: 'ticket',
      width: 170,
      render: (_: unknown, it) => (
        <Space direction="vertical" size={2}>
          <Link to={ticketPath(it.ticket.id)}>{it.ticket.code}</Link>
          <TicketStatusTag status={it.ticket.status} />
        </Space>
      ),
    },
    {
      title: t('receptionDays.problem'),
      key: 'problem',
      render: (_: unknown, it) => (
        <>
          <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ marginBottom: 4 }}>
            {it.ticket.description}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {it.ticket.communityName} · {it.ticket.categoryName} · {t('receptionDays.owner')}：{it.ticket.ownerName ?? '—'}
          </Typography.Text>
          <div>
            {it.escalation ? (
              <Typography.Text type="secondary">
                {t('receptionDays.reason')}：{it.escalation.reason}（{it.escalation.escalatedBy ?? ''} {formatDateTime(it.escalation.escalatedAt)}）
              </Typography.Text>
            ) : (
              <ToneTag tone="grey">{t('receptionDays.manual')}</ToneTag>
            )}
          </div>
        </>
      ),
    },
    {
      title: t('receptionDays.decision'),
      key: 'decision',
      width: 260,
      render: (_: unknown, it) => {
        if (!it.decision) {
          return editable ? (
            <Button size="small" type="primary" onClick={() => setDeciding(it)}>
              {t('receptionDays.decide')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('receptionDays.undecided')}</Typography.Text>
          );
        }
        const changes = [
          it.newOwner ? t('receptionDays.reassignedTo', { name: it.newOwner.name }) : '',
          it.newDeadline ? t('receptionDays.deadlineTo', { date: formatDateTime(it.newDeadline).slice(0, 10) }) : '',
        ].filter(Boolean);
        return (
          <>
            <div>{it.decision}</div>
            {changes.length > 0 && <Typography.Text type="secondary">{t('receptionDays.changes', { text: changes.join('；') })}</Typography.Text>}
          </>
        );
      },
    },
  ];

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={960}
      title={rd ? t('receptionDays.detailTitle', { node: rd.nodeName, day: rd.day }) : t('receptionDays.title')}
      extra={
        rd && (
          <Space wrap>
            <Button icon={<PrinterOutlined />} href={`${minutesUrl(rd.id)}`} target="_blank" rel="noopener">
              {t('receptionDays.printMinutes')}
            </Button>
            {editable && (
              <>
                <Button danger onClick={cancel}>
                  {t('receptionDays.cancel')}
                </Button>
                <Button type="primary" onClick={() => setHolding(true)}>
                  {t('receptionDays.hold')}
                </Button>
              </>
            )}
          </Space>
        )
      }
    >
      {rd && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label={t('receptionDays.day')}>{rd.day}</Descriptions.Item>
            <Descriptions.Item label={t('receptionDays.place')}>{rd.place}</Descriptions.Item>
            <Descriptions.Item label={t('receptionDays.node')}>{rd.nodeName}</Descriptions.Item>
            <Descriptions.Item label={t('receptionDays.status')}>
              <ToneTag tone={RECEPTION_STATUS_TONES[rd.status]}>{labels.status(rd.status)}</ToneTag>
              {rd.heldAt && <Typography.Text type="secondary"> {formatDateTime(rd.heldAt)}</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label={t('receptionDays.minutes')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{rd.minutes ?? t('receptionDays.noMinutes')}</Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>

          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('receptionDays.attendees')}（{rd.attendees.length}）
          </Typography.Title>
          <List
            size="small"
            bordered
            locale={{ emptyText: t('receptionDays.noAttendees') }}
            dataSource={rd.attendees}
            renderItem={(a) => (
              <List.Item
                actions={
                  editable
                    ? [<Button key="remove" size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`${t('receptionDays.remove')} ${a.name}`} onClick={() => removeAttendee(a.id)} />]
                    : []
                }
              >
                <Space wrap>
                  <strong>{a.name}</strong>
                  <ToneTag tone="blue">{labels.role(a.role)}</ToneTag>
                  {a.position && <Typography.Text type="secondary">{a.position}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
          {editable && (
            <Form form={attendeeForm} layout="inline" style={{ marginTop: 12, rowGap: 8 }} onFinish={(v) => void addAttendee(v)}>
              <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('receptionDays.nameRequired') }]}>
                <Input placeholder={t('receptionDays.attendeeName')} maxLength={RECEPTION_DAY_LIMITS.attendeeNameMax} aria-label={t('receptionDays.attendeeName')} />
              </Form.Item>
              <Form.Item name="role" rules={[{ required: true, message: t('receptionDays.roleRequired') }]}>
                <Select
                  style={{ width: 160 }}
                  placeholder={t('receptionDays.attendeeRole')}
                  aria-label={t('receptionDays.attendeeRole')}
                  options={ATTENDEE_ROLES.map((r) => ({ value: r, label: labels.role(r) }))}
                />
              </Form.Item>
              <Form.Item name="position">
                <Input placeholder={t('receptionDays.position')} maxLength={RECEPTION_DAY_LIMITS.positionMax} aria-label={t('receptionDays.position')} />
              </Form.Item>
              <Button htmlType="submit" loading={saving}>
                {t('receptionDays.addAttendee')}
              </Button>
            </Form>
          )}

          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('receptionDays.agenda')}（{t('receptionDays.decided', { decided: rd.decidedCount, total: rd.itemCount })}）
          </Typography.Title>
          {editable && (
            <Space.Compact style={{ marginBottom: 12, maxWidth: 480, width: '100%' }}>
              <Input value={code} onChange={(e) => setCode(e.target.value)} placeholder={t('receptionDays.ticketCodePlaceholder')} aria-label={t('receptionDays.ticketCodePlaceholder')} />
              <Button onClick={() => void addToAgenda()} disabled={!code.trim()} loading={saving}>
                {t('receptionDays.addToAgenda')}
              </Button>
            </Space.Compact>
          )}
          <Table
            rowKey="id"
            size="small"
            columns={agendaColumns}
            dataSource={rd.agenda}
            pagination={false}
            locale={{ emptyText: <Empty description={t('receptionDays.noAgenda')} /> }}
            scroll={{ x: 'max-content' }}
          />
        </>
      )}

      <DecideModal
        receptionDayId={id ?? 0}
        item={deciding}
        onClose={() => setDeciding(null)}
        onDone={() => {
          setDeciding(null);
          void message.success(t('receptionDays.saved'));
          void load();
          onChanged();
        }}
      />
      <Modal
        open={holding}
        title={t('receptionDays.hold')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => holdForm.submit()}
        onCancel={() => setHolding(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('receptionDays.holdHint')}</Typography.Paragraph>
        <Form form={holdForm} layout="vertical" onFinish={(v) => void hold(v)}>
          <Form.Item name="minutes" label={t('receptionDays.minutes')} rules={[{ required: true, whitespace: true, message: t('receptionDays.minutesRequired') }]}>
            <Input.TextArea rows={8} maxLength={RECEPTION_DAY_LIMITS.minutesMax} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
