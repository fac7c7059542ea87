/**
 * 节假日与调休: the holidays (days off, any day) and make-up workdays (weekends worked) of a year,
 * which working-day deadlines skip or count.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, DatePicker, Space, Table, Typography, type TableProps } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { CalendarDayDto, CalendarDayKind, CalendarDayList } from '@xj/contracts';
import { api } from '../../../shared/api';
import { ToneTag, type Tone } from '../../components/ToneTag';
import { CalendarDayModal } from './CalendarDayModal';
import { useCalendarKindLabel } from './calendarLabels';

interface Row extends CalendarDayDto {
  kind: CalendarDayKind;
}

const DAY_API: Record<CalendarDayKind, string> = { holiday: '/api/ticket-settings/holidays', workday: '/api/ticket-settings/workdays' };
const TONES: Record<CalendarDayKind, Tone> = { holiday: 'red', workday: 'blue' };

export function CalendarTab() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const kindLabel = useCalendarKindLabel();
  const [year, setYear] = useState(() => dayjs().year());
  const [rows, setRows] = useState<Row[]>([]);
  const [loading, setLoading] = useState(true);
  const [adding, setAdding] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const lists = await Promise.all(
        (['holiday', 'workday'] as const).map(async (kind) =>
          (await api.get<CalendarDayList>(DAY_API[kind], { query: { year } })).data.map((d): Row => ({ ...d, kind })),
        ),
      );
      setRows(lists.flat().sort((a, b) => a.day.localeCompare(b.day)));
    } catch {
      // shown by the API wrapper
    } finally {
      setLoading(false);
    }
  }, [year]);

  useEffect(() => {
    void load();
  }, [load]);

  const counts = useMemo(() => ({ holidays: rows.filter((r) => r.kind === 'holiday').length, workdays: rows.filter((r) => r.kind === 'workday').length }), [rows]);

  const remove = (r: Row) => {
    modal.confirm({
      title: t('ticketSettings.calendar.removeTitle', { day: r.day, name: r.name }),
      content: t('ticketSettings.calendar.removeConfirm'),
      okText: t('ticketSettings.calendar.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.del(`${DAY_API[r.kind]}/${r.day}`);
          void message.success(t('ticketSettings.calendar.removedDone'));
        } catch {
          // shown by the API wrapper
        }
        void load();
      },
    });
  };

  const columns: TableProps<Row>['columns'] = [
    { title: t('ticketSettings.calendar.day'), dataIndex: 'day', render: (v: string) => <span className="mono">{v}</span> },
    { title: t('ticketSettings.calendar.weekday'), key: 'weekday', render: (_: unknown, r) => dayjs(r.day).format('dddd') },
    { title: t('ticketSettings.calendar.kind'), dataIndex: 'kind', render: (k: CalendarDayKind) => <ToneTag tone={TONES[k]}>{kindLabel(k)}</ToneTag> },
    { title: t('ticketSettings.calendar.name'), dataIndex: 'name' },
    {
      title: t('ticketSettings.categories.actions'),
      key: 'actions',
      render: (_: unknown, r) => (
        <Button size="small" autoInsertSpace={false} danger onClick={() => remove(r)} aria-label={`${t('ticketSettings.calendar.remove')} ${r.day} ${r.name}`}>
          {t('ticketSettings.calendar.remove')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('ticketSettings.calendar.rules')}</Typography.Paragraph>
      <div className="ticket-settings-toolbar">
        <div className="ticket-settings-toolbar-start">
          <DatePicker
            picker="year"
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            onChange={(d) => d && setYear(d.year())}
            aria-label={t('ticketSettings.calendar.year')}
            minDate={dayjs('2000-01-01')}
            maxDate={dayjs('2100-12-31')}
          />
          <Typography.Text type="secondary" aria-live="polite">
            {t('ticketSettings.calendar.summary', { year, holidays: counts.holidays, workdays: counts.workdays })}
          </Typography.Text>
        </div>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label={t('common.refresh')} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('ticketSettings.calendar.add')}
          </Button>
        </Space>
      </div>
      <Table
        rowKey={(r) => `${r.kind}-${r.day}`}
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('ticketSettings.calendar.empty') }}
      />
      <CalendarDayModal
        open={adding}
        year={year}
        onClose={() => setAdding(false)}
        onAdded={(day) => {
          void message.success(t('ticketSettings.calendar.addedDone'));
          setAdding(false);
          const addedYear = Number(day.slice(0, 4));
          if (addedYear !== year) setYear(addedYear);
          else void load();
        }}
      />
    </>
  );
}
