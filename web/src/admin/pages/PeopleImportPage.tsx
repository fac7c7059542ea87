/** 人员信息 · Excel 导入. */
import { Link } from 'react-router';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ImportPanel } from '../components/ImportPanel';
import { PageHeader } from '../components/PageHeader';
import { PATHS } from '../routes';

export default function PeopleImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t('people.importTitle')}
        description={t('people.importDescription')}
        extra={
          <Link to={PATHS.people}>
            <ArrowLeftOutlined /> {t('people.backToList')}
          </Link>
        }
      />
      <ImportPanel basePath="/api/people" templateName="people-template.xlsx" />
    </>
  );
}
