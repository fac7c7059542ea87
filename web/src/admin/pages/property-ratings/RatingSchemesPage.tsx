/**
 * 考核方案: the current scheme version in full, the version history, and (ratings.configure)
 * saving a new version. A period keeps the version it was opened with.
 */
import { useState } from 'react';
import { App, Button, Card, Drawer, Skeleton, Table, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RatingSchemeDto } from '@xj/contracts';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { useSession } from '../../session';
import { DrawerRegion } from './DrawerRegion';
import { dateTime } from './ratingFormat';
import { SchemeEditorModal } from './SchemeEditorModal';
import { SchemeView } from './SchemeView';
import { useRatingSchemes } from './useRatingSchemes';

export default function RatingSchemesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const [version, setVersion] = useState(0);
  const { schemes } = useRatingSchemes(version);
  const [editing, setEditing] = useState(false);
  const [viewing, setViewing] = useState<RatingSchemeDto | null>(null);
  const current = schemes?.[0];

  const columns: TableProps<RatingSchemeDto>['columns'] = [
    {
      title: t('ratings.scheme.version'),
      dataIndex: 'version',
      width: 110,
      render: (v: number, s) => (
        <>
          {t('ratings.scheme.versionValue', { version: v })} {s.id === current?.id && <ToneTag tone="green">{t('ratings.scheme.current')}</ToneTag>}
        </>
      ),
    },
    { title: t('ratings.scheme.name'), dataIndex: 'name' },
    { title: t('ratings.scheme.createdBy'), dataIndex: 'createdByName', width: 140, render: (v: string | null) => v ?? t('ratings.scheme.platform') },
    { title: t('ratings.scheme.createdAt'), dataIndex: 'createdAt', width: 160, render: dateTime },
    { title: t('ratings.scheme.periodsUsing'), dataIndex: 'periods', width: 100, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, s) => (
        <Button autoInsertSpace={false} type="link" size="small" onClick={() => setViewing(s)} aria-label={t('ratings.scheme.viewVersion', { version: s.version })}>
          {t('common.detail')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.ratingSchemes')}
        description={t('ratings.scheme.description')}
        extra={
          can('ratings.configure') &&
          current && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(true)}>
              {t('ratings.scheme.newVersion')}
            </Button>
          )
        }
      />
      <Card title={t('ratings.scheme.currentTitle')}>{current ? <SchemeView scheme={current} /> : <Skeleton active />}</Card>
      <Card title={t('ratings.scheme.history')} style={{ marginTop: 16 }}>
        <Table<RatingSchemeDto> rowKey="id" columns={columns} dataSource={schemes ?? []} loading={!schemes} pagination={false} scroll={{ x: 800 }} />
      </Card>
      <Drawer
        open={!!viewing}
        size={960}
        title={viewing ? `${viewing.name}（${t('ratings.scheme.versionValue', { version: viewing.version })}）` : ''}
        onClose={() => setViewing(null)}
      >
        {viewing && (
          <DrawerRegion name={viewing.name}>
            <SchemeView scheme={viewing} />
          </DrawerRegion>
        )}
      </Drawer>
      {current && (
        <SchemeEditorModal
          open={editing}
          current={current}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void message.success(t('ratings.editor.saved'));
            setVersion((v) => v + 1);
          }}
        />
      )}
    </>
  );
}
