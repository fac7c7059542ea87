import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

export default function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={<h1 className="result-title">{t('errors.notFoundTitle')}</h1>}
      subTitle={t('errors.notFoundText')}
      extra={<Button type="primary" onClick={() => void navigate('/')}>{t('common.backHome')}</Button>}
    />
  );
}
