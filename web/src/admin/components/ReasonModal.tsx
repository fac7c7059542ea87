/**
 * Asks for the reason behind a sensitive read (unmasking, plain-text export). The action runs
 * with the reason; a refusal (e.g. 403) is shown inside the dialog with the server's message.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api';

const REASON_MIN = 4;
const REASON_MAX = 200;

interface Props {
  open: boolean;
  title: ReactNode;
  hint?: ReactNode;
  okText?: string;
  /** Example reason shown in the empty field (defaults to the unmasking example). */
  placeholder?: string;
  onClose: () => void;
  /** Runs with the reason; throws on failure (the message is shown here). */
  onSubmit: (reason: string) => Promise<void>;
  /** Shown below the form once the action succeeded (e.g. the plain value). */
  result?: ReactNode;
}

export function ReasonModal({ open, title, hint, okText, placeholder, onClose, onSubmit, result }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const onOk = async () => {
    if (result) {
      onClose();
      return;
    }
    const { reason } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(reason.trim());
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={result ? t('common.close') : (okText ?? t('common.confirm'))}
      cancelButtonProps={result ? { style: { display: 'none' } } : undefined}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
    >
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      <Form form={form} layout="vertical" requiredMark="optional" onFinish={() => void onOk()}>
        <Form.Item
          name="reason"
          label={t('reason.label')}
          rules={[
            { required: true, whitespace: true, message: t('reason.required') },
            { min: REASON_MIN, message: t('reason.min', { n: REASON_MIN }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={REASON_MAX} showCount placeholder={placeholder ?? t('reason.placeholder')} disabled={!!result} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {result}
    </Modal>
  );
}
