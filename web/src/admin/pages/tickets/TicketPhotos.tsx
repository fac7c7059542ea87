/**
 * A ticket's photos by stage (报事照片 / 办理照片), each opening in a lightbox, and an upload
 * control per stage the user may add to. The server checks type (by content), size and count,
 * and its Chinese message is shown when it refuses (415 wrong type, 413 too big, 409 full).
 */
import { useState } from 'react';
import { Alert, Button, Flex, Image, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { TICKET_PHOTO_LIMITS, TICKET_PHOTO_STAGES, TICKET_PHOTO_TYPES } from '@xj/contracts/domain';
import type { TicketDetailDto, TicketPhotoDto, TicketPhotoStage } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';

interface Props {
  ticket: TicketDetailDto;
  /** The stages the user may add to (see `photoStages`). */
  stages: readonly TicketPhotoStage[];
  onUploaded: (photo: TicketPhotoDto) => void;
}

const ACCEPT = Object.keys(TICKET_PHOTO_TYPES).join(',');
const MB = TICKET_PHOTO_LIMITS.bytes / 1024 / 1024;

export function TicketPhotos({ ticket, stages, onUploaded }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<TicketPhotoStage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const photos = ticket.photos ?? [];

  const upload = async (stage: TicketPhotoStage, file: File) => {
    setBusy(stage);
    setError(null);
    const body = new FormData();
    body.append('file', file);
    try {
      onUploaded(await api.post<TicketPhotoDto>(`/api/tickets/${ticket.id}/photos`, body, { query: { stage }, silent: true }));
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex vertical gap={16}>
      {TICKET_PHOTO_STAGES.map((stage) => {
        const mine = photos.filter((p) => p.stage === stage);
        const stageName = t(`ticketPhotos.${stage}`);
        const full = mine.length >= TICKET_PHOTO_LIMITS.perStage;
        return (
          <section key={stage} className="ticket-photo-stage" aria-labelledby={`ticket-photos-${stage}`}>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Typography.Title level={2} id={`ticket-photos-${stage}`} className="ticket-photo-title">
                {stageName}
              </Typography.Title>
              {stages.includes(stage) && (
                <Upload
                  accept={ACCEPT}
                  showUploadList={false}
                  disabled={busy !== null || full}
                  // The upload goes through the API wrapper (session cookie, CSRF token, error shape).
                  beforeUpload={(file) => {
                    void upload(stage, file);
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} loading={busy === stage} disabled={busy !== null || full}>
                    {full ? t('ticketPhotos.full', { max: TICKET_PHOTO_LIMITS.perStage }) : t('ticketPhotos.upload', { stage: stageName })}
                  </Button>
                </Upload>
              )}
            </Flex>
            {mine.length === 0 ? (
              <Typography.Text type="secondary">{t('ticketPhotos.none')}</Typography.Text>
            ) : (
              <Image.PreviewGroup>
                <ul className="ticket-photos" aria-labelledby={`ticket-photos-${stage}`}>
                  {mine.map((p, i) => (
                    <li key={p.id}>
                      <Image src={p.url} width={112} height={112} alt={t('ticketPhotos.alt', { stage: stageName, n: i + 1, code: ticket.code })} />
                    </li>
                  ))}
                </ul>
              </Image.PreviewGroup>
            )}
          </section>
        );
      })}
      {stages.length > 0 && <Typography.Text type="secondary">{t('ticketPhotos.hint', { mb: MB, max: TICKET_PHOTO_LIMITS.perStage })}</Typography.Text>}
      {error && <Alert type="error" showIcon title={error} role="alert" closable={{ onClose: () => setError(null) }} />}
    </Flex>
  );
}
