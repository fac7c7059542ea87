/** The topic's QR code (opens its phone page, 云商量) and poster: only once the topic is public. */
import { useState } from 'react';
import { Button, Card, Typography } from 'antd';
import { QrcodeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PUBLIC_TOPIC_STATUSES } from '@xj/contracts/domain';
import type { TopicDetailDto, TopicStatus } from '@xj/contracts';
import { QrCodeModal } from './QrCodeModal';
import { topicQrUrls } from './meetingLabels';
import './consultation-meetings.css';

export function TopicQrCard({ topic }: { topic: TopicDetailDto }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!(PUBLIC_TOPIC_STATUSES as readonly TopicStatus[]).includes(topic.status)) return null;
  return (
    <Card title={t('consultMeetings.topicQrTitle')} size="small">
      <Typography.Paragraph type="secondary">{t('consultMeetings.topicQrHint')}</Typography.Paragraph>
      <Button icon={<QrcodeOutlined />} onClick={() => setOpen(true)}>
        {t('consultMeetings.topicQr')}
      </Button>
      <QrCodeModal
        open={open}
        title={t('consultMeetings.topicQrTitle')}
        hint={t('consultMeetings.topicQrHint')}
        urls={topicQrUrls(topic.id)}
        fileName={`topic-${topic.id}-qr.png`}
        onClose={() => setOpen(false)}
      />
    </Card>
  );
}
