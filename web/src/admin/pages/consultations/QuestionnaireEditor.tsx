/**
 * Publishing (or replacing, while nobody has answered) a topic's questionnaire: up to five
 * single-choice questions with two to six choices each (PUT …/questionnaire).
 */
import { useEffect } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PARTICIPATION_LIMITS as L } from '@xj/contracts/domain';
import type { QuestionnaireDto, QuestionnaireSet } from '@xj/contracts';
import { request } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import type { consultationParticipationZhCN } from '../../../shared/locales/consultation-participation.zh-CN';

type QKey = keyof (typeof consultationParticipationZhCN)['consultParticipation']['questionnaire'];

interface Props {
  topicId: number;
  open: boolean;
  current: QuestionnaireDto | null;
  onClose: () => void;
  onDone: () => void;
}

const blank = () => ({ text: '', choices: Array.from({ length: L.choicesMin }, () => '') });

export function QuestionnaireEditor({ topicId, open, current, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<QuestionnaireSet>();
  const { saving: busy, error, setError, submit } = useSubmit();
  const q = (key: QKey, opts?: Record<string, unknown>) => t(`consultParticipation.questionnaire.${key}`, opts ?? {});

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({ questions: current?.questions.length ? current.questions : [blank()] });
    setError(null);
  }, [open, current, form]);

  const onOk = async () => {
    const v = await form.validateFields();
    await submit(async () => {
      const body: QuestionnaireSet = { questions: v.questions.map((x) => ({ text: x.text.trim(), choices: x.choices.map((c) => c.trim()) })) };
      await request('PUT', `/api/consultations/topics/${topicId}/questionnaire`, { body, silent: true });
      onDone();
    });
  };

  return (
    <Modal
      open={open}
      title={q('editorTitle')}
      okText={q('create')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void onOk()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{q('editorHint', { questions: L.questionsMax, min: L.choicesMin, max: L.choicesMax })}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.List name="questions">
          {(questions, { add, remove }) => (
            <>
              {questions.map((question, qi) => (
                <Card
                  key={question.key}
                  size="small"
                  className="consult-question-card"
                  title={q('question', { n: qi + 1 })}
                  extra={
                    questions.length > 1 && (
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={q('removeQuestion', { n: qi + 1 })} onClick={() => remove(question.name)} />
                    )
                  }
                >
                  <Form.Item name={[question.name, 'text']} label={q('questionText')} rules={[{ required: true, whitespace: true, message: q('questionRequired') }]}>
                    <Input maxLength={L.questionMax} />
                  </Form.Item>
                  <Form.List name={[question.name, 'choices']}>
                    {(choices, ops) => (
                      <>
                        {choices.map((choice, ci) => (
                          <div key={choice.key} className="consult-choice-row">
                            <Form.Item
                              name={choice.name}
                              label={q('choice', { n: ci + 1 })}
                              className="consult-choice-input"
                              rules={[
                                { required: true, whitespace: true, message: q('choiceRequired') },
                              ]}
                            >
                              <Input maxLength={L.choiceMax} />
                            </Form.Item>
                            {choices.length > L.choicesMin && (
                              <Button type="text" danger icon={<DeleteOutlined />} aria-label={q('removeChoice', { n: ci + 1 })} onClick={() => ops.remove(choice.name)} />
                            )}
                          </div>
                        ))}
                        {choices.length < L.choicesMax && (
                          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => ops.add('')}>
                            {q('addChoice')}
                          </Button>
                        )}
                      </>
                    )}
                  </Form.List>
                </Card>
              ))}
              {questions.length < L.questionsMax && (
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(blank())}>
                  {q('addQuestion')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" className="form-alert" />}
    </Modal>
  );
}
