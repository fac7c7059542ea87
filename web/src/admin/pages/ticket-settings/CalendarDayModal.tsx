/** Adds a holiday or a make-up workday; the server's refusals (a clash, a weekday make-up day) show inside the dialog. */
import { useEffect } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { CALENDAR_DAY_KINDS, CALENDAR_LIMITS, isWeekendDay } from '@xj/contracts/domain';
import type { CalendarDayKind } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { useCalendarKindLabel } from './calendarLabels';

interface Values {
  kind: CalendarDayKind;
  day: Dayjs;
  name: string;
}

interface Props {
  open: boolean;
  /** The year on show: the date picker opens there. */
  year: number;
  onClose: () => void;
  onAdded: (day: string) => void;
}

export function CalendarDayModal({ open, year, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const kindLabel = useCalendarKindLabel();
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, submit } = useSubmit();

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
  }, [open, form]);

  const onOk = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the fields show what is wrong
    }
    const day = v.day.format('YYYY-MM-DD');
    await submit(async () => {
      await api.post(`/api/ticket-settings/${v.kind === 'holiday' ? 'holidays' : 'workdays'}`, { day, name: v.name.trim() }, { silent: true });
      onAdded(day);
    });
  };

  return (
    <Modal
      open={open}
      title={t('ticketSettings.calendar.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void onOk()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" requiredMark="optional" initialValues={{ kind: 'holiday' }} onValuesChange={() => setError(null)}>
        <Form.Item name="kind" label={t('ticketSettings.calendar.kind')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} />
        </Form.Item>
        <Form.Item
          name="day"
          label={t('ticketSettings.calendar.day')}
          dependencies={['kind']}
          rules={[
            { required: true, message: t('ticketSettings.calendar.dayRequired') },
            ({ getFieldValue }) => ({
              validator: async (_, d: Dayjs | undefined) => {
                if (d && getFieldValue('kind') === 'workday' && !isWeekendDay(d.format('YYYY-MM-DD'))) throw new Error(t('ticketSettings.calendar.workdayWeekendOnly'));
              },
            }),
          ]}
        >
          <DatePicker
            className="full-width"
            format="YYYY-MM-DD"
            defaultPickerValue={dayjs(`${year}-01-01`)}
            minDate={dayjs(`${CALENDAR_LIMITS.yearMin}-01-01`)}
            maxDate={dayjs(`${CALENDAR_LIMITS.yearMax}-12-31`)}
          />
        </Form.Item>
        <Form.Item name="name" label={t('ticketSettings.calendar.name')} rules={[{ required: true, whitespace: true, message: t('ticketSettings.calendar.nameRequired') }]}>
          <Input maxLength={CALENDAR_LIMITS.nameMax} placeholder={t('ticketSettings.calendar.namePlaceholder')} autoComplete="off" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon role="alert" title={error} /> : null}
    </Modal>
  );
}
