/** Recording a company's rectification report, or verifying it with a note (ratings.manage). */
import { useEffect } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RATING_LIMITS } from '@xj/contracts/domain';
import type { RectificationDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';

export type RectificationAction = 'report' | 'verify';

interface Props {
  target: { rectification: RectificationDto; action: RectificationAction } | null;
  onClose: () => void;
  onSaved: (r: RectificationDto) => void;
}

export function RectificationModal({ target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  const { saving, error, setError, submit } = useSubmit();
  const action = target?.action ?? 'report';

  useEffect(() => {
    if (!target) return;
    setError(null);
    form.resetFields();
  }, [target, form, setError]);

  const onOk = () =>
    void submit(async () => {
      if (!target) return;
      const { text } = await form.validateFields();
      const path = `/api/property-ratings/rectifications/${target.rectification.id}/${action}`;
      const body = action === 'report' ? { report: text.trim() } : { note: text.trim() };
      onSaved(await api.post<RectificationDto>(path, body, { silent: true }));
    });

  const r = target?.rectification;
  return (
    <Modal
      open={target !== null}
      title={r ? t(action === 'report' ? 'ratings.rect.reportTitle' : 'ratings.rect.verifyTitle', { compound: r.compoundName }) : ''}
      okText={action === 'report' ? t('ratings.rect.reportOk') : t('ratings.rect.verifyOk')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
    >
      {r && (
        <Typography.Paragraph type="secondary">
          {t('ratings.rect.context', { company: r.companyName, period: r.periodName, deadline: r.deadline })}
        </Typography.Paragraph>
      )}
      {r?.report && action === 'verify' && (
        <Typography.Paragraph>
          <strong>{t('ratings.rect.report')}：</strong>
          {r.report}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item
          name="text"
          label={action === 'report' ? t('ratings.rect.report') : t('ratings.rect.verifyNote')}
          rules={[{ required: true, whitespace: true, message: t('ratings.editor.required') }]}
        >
          <Input.TextArea rows={5} maxLength={action === 'report' ? RATING_LIMITS.reportMax : RATING_LIMITS.verifyNoteMax} showCount />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
