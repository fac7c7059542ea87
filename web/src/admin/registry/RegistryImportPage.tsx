/** A registry's Excel import (the people import's panel under the registry's API root). */
import { Link } from 'react-router';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Forbidden } from '../components/Forbidden';
import { ImportPanel } from '../components/ImportPanel';
import { PageHeader } from '../components/PageHeader';
import { useSession } from '../session';
import type { RegistrySpec } from './types';

export function RegistryImportPage<T extends { id: number }>({ spec }: { spec: RegistrySpec<T> }) {
  const { t } = useTranslation();
  const { can } = useSession();
  if (!spec.excel || !can(spec.writePermission)) return <Forbidden />;
  return (
    <>
      <PageHeader
        title={t('registry.excel.importTitle', { name: spec.title })}
        description={t('registry.excel.importDescription')}
        extra={
          <Link to=".." relative="path">
            <ArrowLeftOutlined /> {t('registry.excel.backTo', { name: spec.title })}
          </Link>
        }
      />
      <ImportPanel basePath={spec.apiPath} templateName={`${spec.excel.name}-template.xlsx`} />
    </>
  );
}
