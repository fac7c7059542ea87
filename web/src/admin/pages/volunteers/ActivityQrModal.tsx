/** An activity's check-in QR code (PNG from the API) with a download link; residents scan it to check in and out. */
import { Button, Flex, Modal, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  activityId: number;
  title: string;
  onClose: () => void;
}

export function ActivityQrModal({ open, activityId, title, onClose }: Props) {
  const { t } = useTranslation();
  const url = `/api/volunteers/activities/${activityId}/qr.png`;
  return (
    <Modal open={open} title={t('volunteers.act.qrTitle')} onCancel={onClose} destroyOnHidden footer={<Button onClick={onClose}>{t('common.close')}</Button>}>
      <Flex vertical align="center" gap={12}>
        <Typography.Paragraph type="secondary">{t('volunteers.act.qrHint')}</Typography.Paragraph>
        <img src={url} alt={t('volunteers.act.qrAlt', { title })} width={256} height={256} data-testid="qr-image" />
        <Button icon={<DownloadOutlined />} href={url} download={`activity-${activityId}-qr.png`}>
          {t('volunteers.act.qrDownload')}
        </Button>
      </Flex>
    </Modal>
  );
}
