/**
 * 七议五不议: the categories that may be consulted (7) and those that may not (5), with their
 * descriptions and examples; additions from common practice are marked for the county to
 * review. Users with consultations.configure create, edit, disable and enable categories.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AGENDA_KINDS } from '@xj/contracts/domain';
import type { AgendaCategoryDto, AgendaKind } from '@xj/contracts';
import { api } from '../../../shared/api';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { useSession } from '../../session';
import { AgendaCategoryModal } from './AgendaCategoryModal';
import { AGENDA_KIND_TONES } from './consultationLabels';
import { useAgendaCategories } from './useAgendaCategories';
import './consultations.css';

export default function AgendaPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const { list, reload } = useAgendaCategories();
  const [editing, setEditing] = useState<AgendaCategoryDto | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const configure = can('consultations.configure');

  const setActive = async (c: AgendaCategoryDto, active: boolean) => {
    await api.patch(`/api/consultations/agenda-categories/${c.id}`, { active });
    void message.success(t('consult.agenda.saved'));
    reload();
  };

  const item = (c: AgendaCategoryDto) => (
    <li key={c.id} className="consult-agenda-item" data-code={c.code}>
      <div className="consult-agenda-head">
        <Space wrap size={4}>
          <Typography.Text strong delete={!c.active}>
            {c.name}
          </Typography.Text>
          {c.isDefaultAddition && <ToneTag tone="gold">{t('consult.agenda.defaultAddition')}</ToneTag>}
          {!c.active && <ToneTag tone="grey">{t('consult.agenda.inactive')}</ToneTag>}
        </Space>
        {configure && (
          <Space size={4}>
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label={t('consult.agenda.editFor', { name: c.name })}
              onClick={() => {
                setEditing(c);
                setFormOpen(true);
              }}
            >
              {t('consult.agenda.edit')}
            </Button>
            {c.active ? (
              <Popconfirm title={t('consult.agenda.disableConfirm', { name: c.name })} okText={t('consult.agenda.disable')} cancelText={t('common.cancel')} onConfirm={() => setActive(c, false)}>
                <Button size="small" danger aria-label={t('consult.agenda.disableFor', { name: c.name })}>
                  {t('consult.agenda.disable')}
                </Button>
              </Popconfirm>
            ) : (
              <Button size="small" aria-label={t('consult.agenda.enableFor', { name: c.name })} onClick={() => void setActive(c, true)}>
                {t('consult.agenda.enable')}
              </Button>
            )}
          </Space>
        )}
      </div>
      {c.description && <Typography.Paragraph className="consult-text">{c.description}</Typography.Paragraph>}
      {c.examples.length > 0 && (
        <div className="consult-step-meta">
          {t('consult.agenda.examples')}：{c.examples.join('；')}
        </div>
      )}
    </li>
  );

  const column = (kind: AgendaKind) => {
    const rows = (list?.data ?? []).filter((c) => c.kind === kind);
    const active = list?.activeCounts[kind] ?? 0;
    const expected = list?.expectedCounts[kind] ?? 0;
    return (
      <Card
        key={kind}
        className="consult-card"
        title={
          <Space wrap size={6}>
            <ToneTag tone={AGENDA_KIND_TONES[kind]}>{kind === 'allowed' ? t('consult.agenda.allowed') : t('consult.agenda.excluded')}</ToneTag>
            <span>{t('consult.agenda.countOf', { n: active, expected })}</span>
          </Space>
        }
      >
        {rows.length === 0 ? <Typography.Text type="secondary">{t('consult.agenda.none')}</Typography.Text> : <ul className="plain-list">{rows.map(item)}</ul>}
      </Card>
    );
  };

  const mismatch = list && (list.activeCounts.allowed !== list.expectedCounts.allowed || list.activeCounts.excluded !== list.expectedCounts.excluded);

  return (
    <>
      <PageHeader
        title={t('consult.agenda.title')}
        description={t('consult.agenda.description')}
        extra={
          configure && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setEditing(null);
                setFormOpen(true);
              }}
            >
              {t('consult.agenda.create')}
            </Button>
          )
        }
      />
      {mismatch && (
        <Alert
          className="consult-similar"
          type="warning"
          showIcon
          title={t('consult.agenda.countWarning', { allowed: list.activeCounts.allowed, excluded: list.activeCounts.excluded })}
        />
      )}
      {list ? (
        <div className="consult-agenda-grid">{AGENDA_KINDS.map(column)}</div>
      ) : (
        <Card>
          <Skeleton active />
        </Card>
      )}
      <AgendaCategoryModal
        open={formOpen}
        category={editing}
        onClose={() => setFormOpen(false)}
        onSaved={() => {
          setFormOpen(false);
          void message.success(t('consult.agenda.saved'));
          reload();
        }}
      />
    </>
  );
}
