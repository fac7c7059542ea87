/**
 * 发起征求意见: the cadre (a registered person), why, the post and the deadline. The server routes
 * it to the branch of the compound on the cadre's address, and refuses (with its reason shown
 * here) when that address is outside any compound or the compound has no branch.
 */
import { Alert, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { CADRE_OPINION_LIMITS, CADRE_OPINION_PURPOSE_LABELS, CADRE_OPINION_PURPOSES } from '@xj/contracts/domain';
import type { CadreOpinionDto, CadreOpinionPurpose } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { PersonSelect } from '../../registry/PersonSelect';
import { useEnumLabels } from '../../registry/useEnumLabel';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (created: CadreOpinionDto) => void;
}

interface Values {
  personId: number;
  purpose: CadreOpinionPurpose;
  post: string;
  deadline: Dayjs;
}

/** Two weeks: the usual time a branch is given. */
const DEFAULT_DAYS = 14;

const outOfRange = (d: Dayjs) => !d.isAfter(dayjs(), 'day') || d.isAfter(dayjs().add(CADRE_OPINION_LIMITS.deadlineMaxDays, 'day'), 'day');

export function CadreOpinionCreateModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const [form] = Form.useForm<Values>();
  const { saving, error, submit } = useSubmit();

  const onOk = () =>
    void submit(async () => {
      const v = await form.validateFields();
      onCreated(
        await api.post<CadreOpinionDto>(
          '/api/cadre-opinions',
          { personId: v.personId, purpose: v.purpose, post: v.post.trim(), deadline: v.deadline.format('YYYY-MM-DD') },
          { silent: true },
        ),
      );
    });

  return (
    <Modal
      open={open}
      title={t('cadreOpinions.createTitle')}
      okText={t('cadreOpinions.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('cadreOpinions.createHint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        preserve={false}
        initialValues={{ purpose: 'promotion', deadline: dayjs().add(DEFAULT_DAYS, 'day') }}
      >
        <Form.Item name="personId" label={t('cadreOpinions.pickCadre')} rules={[{ required: true, message: t('cadreOpinions.pickCadreRequired') }]}>
          <PersonSelect />
        </Form.Item>
        <Form.Item name="purpose" label={t('cadreOpinions.purpose')} rules={[{ required: true, message: t('cadreOpinions.purposeRequired') }]}>
          <Select options={options(CADRE_OPINION_PURPOSES, CADRE_OPINION_PURPOSE_LABELS)} />
        </Form.Item>
        <Form.Item name="post" label={t('cadreOpinions.post')} rules={[{ required: true, whitespace: true, message: t('cadreOpinions.postRequired') }]}>
          <Input maxLength={CADRE_OPINION_LIMITS.postMax} placeholder={t('cadreOpinions.postPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('cadreOpinions.deadline')}
          extra={t('cadreOpinions.deadlineHelp', { days: CADRE_OPINION_LIMITS.deadlineMaxDays })}
          rules={[{ required: true, message: t('cadreOpinions.deadlineRequired') }]}
        >
          <DatePicker className="full-width" disabledDate={outOfRange} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
