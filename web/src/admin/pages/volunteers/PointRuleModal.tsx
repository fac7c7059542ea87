/** Changing an earning rule's points and whether it applies (county, points.configure). */
import { useEffect } from 'react';
import { Alert, Form, InputNumber, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { POINT_LIMITS } from '@xj/contracts/domain';
import type { PointRuleDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';

interface Props {
  rule: PointRuleDto | null;
  onClose: () => void;
  onSaved: () => void;
}

export function PointRuleModal({ rule, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ points: number; active: boolean }>();
  const { saving, error, setError, submit } = useSubmit();

  useEffect(() => {
    if (rule) setError(null);
  }, [rule, setError]);

  const onOk = () =>
    void submit(async () => {
      const v = await form.validateFields();
      await api.patch(`/api/points/rules/${rule!.code}`, { points: v.points, active: v.active }, { silent: true });
      onSaved();
    });

  return (
    <Modal
      open={!!rule}
      title={t('volunteers.points.ruleEditTitle', { name: rule?.name ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" key={rule?.code} initialValues={rule ? { points: rule.points, active: rule.active } : undefined}>
        <Form.Item name="points" label={t('volunteers.points.rulePoints')} rules={[{ required: true }]}>
          <InputNumber min={0} max={POINT_LIMITS.rulePointsMax} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="active" label={t('volunteers.points.ruleActive')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
