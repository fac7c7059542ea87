/** A QR code image (served by the API as a PNG) with a download link and its printable A4 poster. */
import { Button, Flex, Modal, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  title: string;
  hint: string;
  /** The PNG's and the poster's addresses. */
  urls: { qr: string; poster: string };
  /** The downloaded file's name. */
  fileName: string;
  onClose: () => void;
}

export function QrCodeModal({ open, title, hint, urls, fileName, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={title} onCancel={onClose} destroyOnHidden footer={<Button onClick={onClose}>{t('common.close')}</Button>}>
      <Flex vertical align="center" gap={12}>
        <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
        <img className="consult-qr-image" src={urls.qr} alt={t('consultMeetings.qrAlt', { what: title })} width={256} height={256} data-testid="qr-image" />
        <Flex wrap gap={8} justify="center">
          <Button icon={<DownloadOutlined />} href={urls.qr} download={fileName}>
            {t('consultMeetings.download')}
          </Button>
          <Button icon={<PrinterOutlined />} href={urls.poster} target="_blank" rel="noopener">
            {t('consultMeetings.poster')}
          </Button>
        </Flex>
      </Flex>
    </Modal>
  );
}
