/** 调整岗位/等级 (post, grade, community; reason required) or 登记离岗: one POST /api/workers/:id/changes. */
import { useEffect } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { WORKER_GRADE_MAX, WORKER_GRADE_MIN, WORKER_LIMITS, WORKER_POST_LABELS, WORKER_POSTS } from '@xj/contracts/domain';
import type { WorkerChangeCreate, WorkerDetailDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { useEnumLabels } from '../../registry/useEnumLabel';

interface Values {
  post?: WorkerDetailDto['post'];
  grade?: number;
  communityId?: number;
  position?: string;
  effectiveOn?: Dayjs;
  reason?: string;
}

interface Props {
  worker: WorkerDetailDto;
  kind: 'adjust' | 'leave' | null;
  onClose: () => void;
  onSaved: (w: WorkerDetailDto) => void;
}

export function WorkerChangeModal({ worker, kind, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, submit } = useSubmit();

  useEffect(() => {
    if (!kind) return;
    form.resetFields();
    form.setFieldsValue({ post: worker.post, grade: worker.grade, communityId: worker.communityId, effectiveOn: dayjs() });
    setError(null);
  }, [kind, worker, form, setError]);

  const onOk = async () => {
    const v = await form.validateFields();
    const common = { effectiveOn: v.effectiveOn!.format('YYYY-MM-DD'), reason: v.reason!.trim() };
    let body: WorkerChangeCreate;
    if (kind === 'leave') body = { kind: 'leave', ...common };
    else {
      body = {
        kind: 'adjust',
        ...common,
        ...(v.post !== worker.post && { post: v.post }),
        ...(v.grade !== worker.grade && { grade: v.grade }),
        ...(v.communityId !== undefined && v.communityId !== worker.communityId && { communityId: v.communityId }),
        ...(v.position?.trim() && { position: v.position.trim() }),
      };
      if (body.post === undefined && body.grade === undefined && body.communityId === undefined) {
        setError(t('workers.change.nothing'));
        return;
      }
    }
    await submit(async () => {
      onSaved(await api.post<WorkerDetailDto>(`/api/workers/${worker.id}/changes`, body, { silent: true }));
    });
  };

  return (
    <Modal
      open={kind !== null}
      title={t(kind === 'leave' ? 'workers.change.leaveTitle' : 'workers.change.title', { name: worker.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} className="form-alert" />}
      <Form form={form} layout="vertical" requiredMark="optional">
        {kind === 'adjust' && (
          <>
            <Form.Item name="post" label={t('workers.change.newPost')} rules={[{ required: true }]}>
              <Select options={options(WORKER_POSTS, WORKER_POST_LABELS)} />
            </Form.Item>
            <Form.Item name="grade" label={t('workers.change.newGrade')} rules={[{ required: true }]}>
              <InputNumber min={WORKER_GRADE_MIN} max={WORKER_GRADE_MAX} precision={0} className="full-width" />
            </Form.Item>
            <Form.Item name="communityId" label={t('workers.change.newCommunity')}>
              <NodeTreeSelect selectableKinds={['community']} fallbackLabel={worker.communityName} />
            </Form.Item>
            <Form.Item name="position" label={t('workers.change.newPosition')} rules={[{ max: WORKER_LIMITS.positionMax }]}>
              <Input placeholder={worker.position ?? ''} />
            </Form.Item>
          </>
        )}
        <Form.Item name="effectiveOn" label={t('workers.change.effectiveOn')} rules={[{ required: true }]}>
          <DatePicker className="full-width" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('workers.change.reason')}
          rules={[{ required: true, whitespace: true, message: t('workers.change.reasonRequired') }, { max: WORKER_LIMITS.reasonMax }]}
        >
          <Input.TextArea rows={3} maxLength={WORKER_LIMITS.reasonMax} showCount placeholder={t('workers.change.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
