/**
 * The topic's questionnaire (问诉求): each question's tallies as a small bar chart and the number
 * of respondents; for consultations.manage at the collect step, publishing or (before anyone has
 * answered) editing it.
 */
import { useState } from 'react';
import { App, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QuestionnaireDto, TopicDetailDto } from '@xj/contracts';
import { EChart } from '../../components/EChart';
import { QuestionnaireEditor } from './QuestionnaireEditor';
import { barOption, summary } from './statsCharts';

export function TopicQuestionnaire({ topic, questionnaire, manage, onChanged }: { topic: TopicDetailDto; questionnaire: QuestionnaireDto | null; manage: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const collecting = topic.status === 'active' && topic.step === 'collect';
  if (!questionnaire && !collecting) return null;
  const editable = manage && collecting && (questionnaire?.respondents ?? 0) === 0;

  return (
    <section data-testid="topic-questionnaire" className="consult-participation-part">
      <div className="consult-participation-head">
        <Typography.Title level={3} className="consult-participation-title">
          {t('consultParticipation.questionnaire.title')}
        </Typography.Title>
        {editable && (
          <Button type={questionnaire ? 'default' : 'primary'} onClick={() => setEditing(true)}>
            {questionnaire ? t('consultParticipation.questionnaire.edit') : t('consultParticipation.questionnaire.create')}
          </Button>
        )}
      </div>
      {!questionnaire ? (
        <Typography.Text type="secondary">{t('consultParticipation.questionnaire.none')}</Typography.Text>
      ) : (
        <>
          <Typography.Text strong>{t('consultParticipation.questionnaire.respondents', { n: questionnaire.respondents })}</Typography.Text>
          <ol className="consult-question-list">
            {questionnaire.questions.map((q, i) => {
              const points = q.choices.map((c, j) => ({ name: c, value: questionnaire.tallies?.[i]?.[j] ?? 0 }));
              return (
                <li key={i}>
                  <div className="consult-text">{q.text}</div>
                  <EChart
                    option={barOption(points, '#0b5cad', true)}
                    height={points.length * 32 + 30}
                    label={t('consultParticipation.questionnaire.chartAlt', { question: q.text, summary: summary(points) })}
                  />
                </li>
              );
            })}
          </ol>
        </>
      )}
      <QuestionnaireEditor
        topicId={topic.id}
        open={editing}
        current={questionnaire}
        onClose={() => setEditing(false)}
        onDone={() => {
          setEditing(false);
          void message.success(t('consultParticipation.questionnaire.saved'));
          onChanged();
        }}
      />
    </section>
  );
}
