/**
 * A case's files: download links and, while the unit may still edit the case, an upload button
 * and delete buttons. The server checks type (by content), size and count and its Chinese message
 * is shown when it refuses (415 wrong type, 413 too big, 409 full).
 */
import { useState } from 'react';
import { Alert, App, Button, Flex, Popconfirm, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { INNOVATION_ATTACHMENT_ACCEPT, INNOVATION_LIMITS, innovationAttachmentPath } from '@xj/contracts/domain';
import type { InnovationCaseDetailDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { fileSize } from '../../../shared/fileSize';

const MB = INNOVATION_LIMITS.attachmentBytes / 1024 / 1024;

export function CaseAttachments({ detail, onChanged }: { detail: InnovationCaseDetailDto; onChanged: (d: InnovationCaseDetailDto) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/innovation/${detail.id}/attachments`;
  const editable = detail.canEdit;
  const full = detail.attachments.length >= INNOVATION_LIMITS.attachmentsMax;

  const run = async (send: () => Promise<InnovationCaseDetailDto>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await send());
      void message.success(done);
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };
  const upload = (file: File) => {
    const body = new FormData();
    body.append('file', file);
    return run(() => api.post<InnovationCaseDetailDto>(base, body, { silent: true }), t('innovation.attachments.uploaded'));
  };

  return (
    <Flex vertical gap={8}>
      {detail.attachments.length === 0 ? (
        <Typography.Text type="secondary">{t('innovation.case.noAttachments')}</Typography.Text>
      ) : (
        <ul className="plain-list" aria-label={t('innovation.attachments.list')}>
          {detail.attachments.map((a) => (
            <li key={a.id}>
              <Flex align="center" gap={4} wrap>
                <PaperClipOutlined aria-hidden />
                <a href={innovationAttachmentPath(a.id)} download={a.name} aria-label={t('innovation.attachments.download', { name: a.name, size: fileSize(a.bytes) })}>
                  {a.name}
                </a>
                <Typography.Text type="secondary">{fileSize(a.bytes)}</Typography.Text>
                {editable && (
                  <Popconfirm
                    title={t('innovation.attachments.deleteConfirm', { name: a.name })}
                    okText={t('innovation.attachments.delete')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => run(() => api.del<InnovationCaseDetailDto>(`${base}/${a.id}`, { silent: true }), t('innovation.attachments.deleted'))}
                  >
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} disabled={busy} aria-label={t('innovation.attachments.deleteFor', { name: a.name })} />
                  </Popconfirm>
                )}
              </Flex>
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <Flex align="center" gap={8} wrap>
          <Upload
            accept={INNOVATION_ATTACHMENT_ACCEPT}
            showUploadList={false}
            disabled={busy || full}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={busy} disabled={busy || full}>
              {full ? t('innovation.attachments.full', { max: INNOVATION_LIMITS.attachmentsMax }) : t('innovation.attachments.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('innovation.attachments.hint', { mb: MB, max: INNOVATION_LIMITS.attachmentsMax })}</Typography.Text>
        </Flex>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" closable={{ onClose: () => setError(null) }} />}
    </Flex>
  );
}
