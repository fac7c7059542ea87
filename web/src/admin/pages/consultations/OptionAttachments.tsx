/**
 * A plan option's files: download links with their size and, for whoever runs the topic at
 * 提方案 or 议事项, an upload button and a delete button. The server checks type (by content),
 * size and count; its Chinese message is shown when it refuses (415 wrong type, 413 too big, 409 full).
 */
import { useState } from 'react';
import { Alert, App, Button, Flex, Popconfirm, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { OPTION_ATTACHMENT_ACCEPT, OPTION_ATTACHMENT_LIMITS, optionAttachmentPath } from '@xj/contracts/domain';
import type { TopicDetailDto, TopicOptionDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { fileSize } from '../../../shared/fileSize';

interface Props {
  topicId: number;
  option: TopicOptionDto;
  /** Upload and delete (the topic is run by the user and at 提方案 or 议事项). */
  editable: boolean;
  onChanged: (topic: TopicDetailDto) => void;
}

const MB = OPTION_ATTACHMENT_LIMITS.bytes / 1024 / 1024;

export function OptionAttachments({ topicId, option, editable, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/consultations/topics/${topicId}/options/${option.id}/attachments`;
  const full = option.attachments.length >= OPTION_ATTACHMENT_LIMITS.perOption;

  const run = async (send: () => Promise<TopicDetailDto>, done: string) => {
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
    // Through the API wrapper: session cookie, CSRF token and the error shape.
    return run(() => api.post<TopicDetailDto>(base, body, { silent: true }), t('consult.attachments.uploaded'));
  };

  if (option.attachments.length === 0 && !editable) return null;
  return (
    <Flex vertical gap={4}>
      {option.attachments.length > 0 && (
        <ul className="plain-list" aria-label={t('consult.attachments.listOf', { title: option.title })}>
          {option.attachments.map((a) => (
            <li key={a.id}>
              <Flex align="center" gap={4} wrap>
                <PaperClipOutlined aria-hidden />
                <a href={optionAttachmentPath(a.id, 'console')} download={a.name} aria-label={t('consult.attachments.download', { name: a.name, size: fileSize(a.bytes) })}>
                  {a.name}
                </a>
                <Typography.Text type="secondary">{fileSize(a.bytes)}</Typography.Text>
                {editable && (
                  <Popconfirm
                    title={t('consult.attachments.deleteConfirm', { name: a.name })}
                    okText={t('consult.attachments.delete')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => run(() => api.del<TopicDetailDto>(`${base}/${a.id}`, { silent: true }), t('consult.attachments.deleted'))}
                  >
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} disabled={busy} aria-label={t('consult.attachments.deleteFor', { name: a.name })} />
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
            accept={OPTION_ATTACHMENT_ACCEPT}
            showUploadList={false}
            disabled={busy || full}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={busy} disabled={busy || full} aria-label={full ? undefined : t('consult.attachments.uploadFor', { title: option.title })}>
              {full ? t('consult.attachments.full', { max: OPTION_ATTACHMENT_LIMITS.perOption }) : t('consult.attachments.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" className="consult-step-meta">
            {t('consult.attachments.hint', { mb: MB, max: OPTION_ATTACHMENT_LIMITS.perOption })}
          </Typography.Text>
        </Flex>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" closable={{ onClose: () => setError(null) }} />}
    </Flex>
  );
}
