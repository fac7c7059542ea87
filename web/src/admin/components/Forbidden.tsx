import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

export function Forbidden() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={<h1 className="result-title">{t('errors.forbiddenTitle')}</h1>}
      subTitle={t('errors.forbiddenText')}
      extra={<Button type="primary" onClick={() => void navigate('/')}>{t('common.backHome')}</Button>}
    />
  );
}
