/**
 * A record's files: download links with their size and, while the record may be edited, an upload
 * button and delete buttons. The server checks type (by content), size and count; its Chinese
 * message is shown when it refuses (415 wrong type, 413 too big, 409 full). The record comes back
 * from every upload and delete and is handed to `onChanged`.
 */
import { useState } from 'react';
import { Alert, App, Button, Flex, Popconfirm, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../shared/api';
import { fileSize } from '../../shared/fileSize';

export interface AttachmentItem {
  id: number;
  name: string;
  bytes: number;
}

/** Which module's strings (each has upload, uploaded, deleted, delete, deleteFor, deleteConfirm, full, hint, download). */
type Strings = 'consult.attachments' | 'innovation.attachments';

interface Props<T> {
  attachments: AttachmentItem[];
  /** Upload with POST here; delete with DELETE `${base}/<id>`. */
  base: string;
  href: (id: number) => string;
  editable: boolean;
  max: number;
  maxBytes: number;
  accept: string;
  strings: Strings;
  /** The list's accessible name. */
  listLabel: string;
  /** The upload button's accessible name, when its text alone is not enough. */
  uploadLabel?: string;
  /** Shown when there are no files; without it nothing is shown then (unless editable). */
  empty?: string;
  hintClassName?: string;
  onChanged: (record: T) => void;
}

export function AttachmentsEditor<T>({ attachments, base, href, editable, max, maxBytes, accept, strings, listLabel, uploadLabel, empty, hintClassName, onChanged }: Props<T>) {
  const { t } = useTranslation();
  // The typed `t` takes literal keys only; both string sets have the same keys.
  const s = (key: string, opts?: Record<string, unknown>) => t(`${strings}.${key}` as 'consult.attachments.upload', opts ?? {});
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const full = attachments.length >= max;

  const run = async (send: () => Promise<T>, done: string) => {
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
    return run(() => api.post<T>(base, body, { silent: true }), s('uploaded'));
  };

  if (attachments.length === 0 && !editable && !empty) return null;
  return (
    <Flex vertical gap={4}>
      {attachments.length === 0 && empty ? (
        <Typography.Text type="secondary">{empty}</Typography.Text>
      ) : (
        attachments.length > 0 && (
          <ul className="plain-list" aria-label={listLabel}>
            {attachments.map((a) => (
              <li key={a.id}>
                <Flex align="center" gap={4} wrap>
                  <PaperClipOutlined aria-hidden />
                  <a href={href(a.id)} download={a.name} aria-label={s('download', { name: a.name, size: fileSize(a.bytes) })}>
                    {a.name}
                  </a>
                  <Typography.Text type="secondary">{fileSize(a.bytes)}</Typography.Text>
                  {editable && (
                    <Popconfirm
                      title={s('deleteConfirm', { name: a.name })}
                      okText={s('delete')}
                      okButtonProps={{ danger: true }}
                      cancelText={t('common.cancel')}
                      onConfirm={() => run(() => api.del<T>(`${base}/${a.id}`, { silent: true }), s('deleted'))}
                    >
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} disabled={busy} aria-label={s('deleteFor', { name: a.name })} />
                    </Popconfirm>
                  )}
                </Flex>
              </li>
            ))}
          </ul>
        )
      )}
      {editable && (
        <Flex align="center" gap={8} wrap>
          <Upload
            accept={accept}
            showUploadList={false}
            disabled={busy || full}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={busy} disabled={busy || full} aria-label={full ? undefined : uploadLabel}>
              {full ? s('full', { max }) : s('upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" className={hintClassName}>
            {s('hint', { mb: maxBytes / 1024 / 1024, max })}
          </Typography.Text>
        </Flex>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" closable={{ onClose: () => setError(null) }} />}
    </Flex>
  );
}
