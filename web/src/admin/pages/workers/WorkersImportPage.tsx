/** 导入社区工作者: the registry's Excel import (template, upload, per-row report). */
import { Link } from 'react-router';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ImportPanel } from '../../components/ImportPanel';
import { PageHeader } from '../../components/PageHeader';
import { PATHS } from '../../routes';

export default function WorkersImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t('workers.importTitle')}
        description={t('workers.importDescription')}
        extra={
          <Link to={PATHS.workers}>
            <ArrowLeftOutlined /> {t('workers.backToList')}
          </Link>
        }
      />
      <ImportPanel basePath="/api/workers" templateName="community-workers-template.xlsx" />
    </>
  );
}
