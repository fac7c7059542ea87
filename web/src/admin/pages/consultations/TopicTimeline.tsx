/** A topic's timeline: every move with its actor, time, status change and note. */
import { Timeline, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TopicEventDto, TopicEventKind } from '@xj/contracts';
import { formatDateTime } from '../../../shared/format';
import { TopicStatusTag } from './ConsultTags';
import { useConsultLabels } from './consultationLabels';

const COLORS: Partial<Record<TopicEventKind, string>> = { rejected: 'red', closed: 'gray', accepted: 'green', evaluated: 'green', decided: 'orange' };

export function TopicTimeline({ events }: { events: TopicEventDto[] }) {
  const { t } = useTranslation();
  const labels = useConsultLabels();
  return (
    <Timeline
      items={events.map((e) => {
        const d = e.details;
        const extra = [
          typeof d.category === 'string' ? `${t('consult.topics.category')}：${d.category}` : null,
          typeof d.fromLabel === 'string' && typeof d.toLabel === 'string' ? `${d.fromLabel} → ${d.toLabel}` : null,
          typeof d.responsible === 'string' ? t('consult.detail.responsible', { name: d.responsible }) : null,
        ].filter(Boolean);
        return {
          key: e.id,
          color: COLORS[e.kind] ?? 'blue',
          content: (
            <div data-kind={e.kind}>
              <Typography.Text strong>{labels.eventKind(e.kind)}</Typography.Text>
              {e.step && <Typography.Text type="secondary"> · {labels.step(e.step)}</Typography.Text>}
              <div className="consult-step-meta">
                {formatDateTime(e.at)} · {t('consult.detail.actor')}：{e.actor?.name ?? t('consult.detail.system')}
              </div>
              {e.fromStatus !== e.toStatus && (
                <div className="tag-list">
                  {e.fromStatus && (
                    <>
                      <TopicStatusTag status={e.fromStatus} />
                      <ArrowRightOutlined aria-label="→" />
                    </>
                  )}
                  <TopicStatusTag status={e.toStatus} />
                </div>
              )}
              {extra.length > 0 && <div className="consult-step-meta">{extra.join(' · ')}</div>}
              {e.note && <p className="consult-text">{e.note}</p>}
            </div>
          ),
        };
      })}
    />
  );
}
