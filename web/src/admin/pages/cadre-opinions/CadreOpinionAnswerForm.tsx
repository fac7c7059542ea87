/** The branch's answer to a pending request: agree / agree with reservations / disagree, and what it is based on. */
import { Alert, Button, Card, Form, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { CADRE_OPINION_ANSWER_LABELS, CADRE_OPINION_ANSWERS, CADRE_OPINION_LIMITS } from '@xj/contracts/domain';
import type { CadreOpinionAnswer, CadreOpinionDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { useEnumLabels } from '../../registry/useEnumLabel';

interface Props {
  request: CadreOpinionDto;
  onAnswered: (updated: CadreOpinionDto) => void;
}

export function CadreOpinionAnswerForm({ request, onAnswered }: Props) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const [form] = Form.useForm<{ answer: CadreOpinionAnswer; text: string }>();
  const { saving, error, submit } = useSubmit();
  const min = CADRE_OPINION_LIMITS.answerMin;

  const onFinish = (v: { answer: CadreOpinionAnswer; text: string }) =>
    void submit(async () => {
      onAnswered(await api.post<CadreOpinionDto>(`/api/cadre-opinions/${request.id}/answer`, { answer: v.answer, text: v.text.trim() }, { silent: true }));
    });

  return (
    <Card title={<h2 className="card-title">{t('cadreOpinions.answerForm')}</h2>} style={{ marginTop: 16 }}>
      {request.overdue && <Alert type="warning" showIcon title={t('cadreOpinions.answerOverdue')} className="page-alert" />}
      <Form form={form} layout="vertical" requiredMark="optional" onFinish={onFinish}>
        <Form.Item name="answer" label={t('cadreOpinions.answerChoice')} rules={[{ required: true, message: t('cadreOpinions.answerChoiceRequired') }]}>
          <Radio.Group>
            <Space orientation="vertical">
              {CADRE_OPINION_ANSWERS.map((a) => (
                <Radio key={a} value={a}>
                  {label(CADRE_OPINION_ANSWER_LABELS, a)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="text"
          label={t('cadreOpinions.answerText')}
          rules={[
            { required: true, whitespace: true, message: t('cadreOpinions.answerTextRequired') },
            {
              validator: async (_: unknown, v: string | undefined) => {
                const n = (v ?? '').trim().length;
                if (n > 0 && n < min) throw new Error(t('cadreOpinions.answerTextMin', { n: min }));
              },
            },
          ]}
        >
          <Input.TextArea rows={5} maxLength={CADRE_OPINION_LIMITS.answerMax} showCount placeholder={t('cadreOpinions.answerTextPlaceholder')} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" className="page-alert" />}
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('cadreOpinions.submitAnswer')}
        </Button>
      </Form>
    </Card>
  );
}
