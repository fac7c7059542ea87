/** A community worker: details (phone and ID number masked, revealable with a reason), the change history, and the edit, change and leave dialogs. */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Empty, Skeleton, Space, Timeline, Typography, type DescriptionsProps } from 'antd';
import { ArrowLeftOutlined, EditOutlined, LogoutOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  WORKER_CHANGE_KIND_LABELS,
  WORKER_EDUCATION_LABELS,
  WORKER_POST_LABELS,
  WORKER_QUALIFICATION_LABELS,
  WORKER_STATUS_LABELS,
} from '@xj/contracts/domain';
import type { WorkerChangeDto, WorkerDetailDto, WorkerDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { MaskedField } from '../../components/MaskedField';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { PATHS } from '../../routes';
import { useSession } from '../../session';
import { WorkerChangeModal } from './WorkerChangeModal';
import { WorkerFormModal } from './WorkerFormModal';

const COLOURS: Record<WorkerChangeDto['kind'], string> = { join: 'green', promotion: 'red', grade: 'red', post: 'blue', transfer: 'blue', leave: 'gray' };

export default function WorkerDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const workerId = Number(id);
  const { can } = useSession();
  const { message } = App.useApp();
  const { label } = useEnumLabels();
  const [worker, setWorker] = useState<WorkerDetailDto | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [changing, setChanging] = useState<'adjust' | 'leave' | null>(null);

  const load = useCallback(() => {
    api
      .get<WorkerDetailDto>(`/api/workers/${workerId}`, { silent: true })
      .then(setWorker)
      .catch((e: unknown) => setMissing(isApiError(e) ? e.message : t('errors.generic')));
  }, [workerId, t]);
  useEffect(load, [load]);

  const back = (
    <Link to={PATHS.workers}>
      <ArrowLeftOutlined /> {t('workers.backToList')}
    </Link>
  );
  if (missing) return <Alert type="error" showIcon title={missing} action={back} />;
  if (!worker) return <Skeleton active />;

  const manage = can('workers.manage') && worker.status === 'active';
  const post = (p: WorkerDto['post'] | null) => label(WORKER_POST_LABELS, p);
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('workers.name'), children: worker.name },
    { key: 'community', label: t('workers.community'), children: worker.communityName },
    { key: 'phone', label: t('workers.phone'), children: <MaskedField personId={worker.personId} field="phone" masked={worker.phone} fieldLabel={t('workers.phone')} /> },
    { key: 'idNumber', label: t('workers.idNumber'), children: <MaskedField personId={worker.personId} field="idNumber" masked={worker.idNumber} fieldLabel={t('workers.idNumber')} /> },
    { key: 'postGrade', label: t('workers.postGrade'), children: `${post(worker.post)} · ${t('workers.gradeValue', { grade: worker.grade })}` },
    { key: 'position', label: t('workers.position'), children: worker.position ?? '—' },
    { key: 'gradeSince', label: t('workers.gradeSince'), children: `${worker.gradeSince}（${t('workers.yearsAtGrade')} ${t('workers.years', { count: worker.yearsAtGrade })}）` },
    { key: 'batch', label: t('workers.batch'), children: worker.batch },
    { key: 'recruitedOn', label: t('workers.recruitedOn'), children: worker.recruitedOn },
    { key: 'serviceYears', label: t('workers.serviceYears'), children: `${t('workers.years', { count: worker.serviceYears })}（${t('workers.serviceStart')} ${worker.serviceStart}）` },
    {
      key: 'education',
      label: t('workers.education'),
      children: (
        <Space size={4} wrap>
          {label(WORKER_EDUCATION_LABELS, worker.education)}
          {worker.fullTimeEducation && <ToneTag tone="blue">{t('workers.fullTimeEducation')}</ToneTag>}
          {worker.fullTimeDegree && <ToneTag tone="red">{t('workers.fullTimeDegree')}</ToneTag>}
        </Space>
      ),
    },
    { key: 'major', label: t('workers.degreeMajor'), children: worker.degreeMajor ?? '—' },
    {
      key: 'qualifications',
      label: t('workers.qualifications'),
      children: worker.qualifications.length ? worker.qualifications.map((q) => label(WORKER_QUALIFICATION_LABELS, q)).join('、') : '—',
    },
    {
      key: 'status',
      label: t('workers.status'),
      children: (
        <>
          <ToneTag tone={worker.status === 'active' ? 'green' : 'grey'}>{label(WORKER_STATUS_LABELS, worker.status)}</ToneTag>
          {worker.leftOn && ` ${t('workers.leftOn')} ${worker.leftOn}`}
        </>
      ),
    },
  ];

  const what = (c: WorkerChangeDto): string => {
    switch (c.kind) {
      case 'join':
        return t('workers.detail.joined', { post: post(c.toPost), grade: c.toGrade });
      case 'grade':
      case 'promotion':
        return t('workers.detail.gradeChange', { from: c.fromGrade, to: c.toGrade });
      case 'post':
        return [t('workers.detail.postChange', { from: post(c.fromPost), to: post(c.toPost) }), c.fromGrade !== c.toGrade ? t('workers.detail.gradeChange', { from: c.fromGrade, to: c.toGrade }) : null]
          .filter(Boolean)
          .join('，');
      case 'transfer':
        return t('workers.detail.transfer', { from: c.fromCommunityName, to: c.toCommunityName });
      case 'leave':
        return c.fromCommunityName ?? '';
    }
  };

  const saved = (w: WorkerDetailDto, text: string) => {
    setWorker(w);
    setChanging(null);
    void message.success(text);
  };

  return (
    <>
      <PageHeader
        title={`${worker.name} · ${post(worker.post)} ${t('workers.gradeValue', { grade: worker.grade })}`}
        description={worker.communityName}
        extra={
          <Space wrap>
            {back}
            {manage && (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t('common.edit')}
                </Button>
                <Button type="primary" icon={<SwapOutlined />} onClick={() => setChanging('adjust')}>
                  {t('workers.detail.change')}
                </Button>
                <Button danger icon={<LogoutOutlined />} onClick={() => setChanging('leave')}>
                  {t('workers.detail.leave')}
                </Button>
              </>
            )}
          </Space>
        }
      />
      <Space orientation="vertical" size={16} className="full-width">
        <Card title={<h2 className="card-title">{t('workers.detail.basics')}</h2>}>
          <Descriptions bordered column={{ xs: 1, md: 2 }} items={items} />
        </Card>
        <Card title={<h2 className="card-title">{t('workers.detail.history')}</h2>}>
          {worker.history.length === 0 ? (
            <Empty description={t('workers.detail.noHistory')} />
          ) : (
            <Timeline
              items={worker.history.map((c) => ({
                key: c.id,
                color: COLOURS[c.kind],
                content: (
                  <div data-kind={c.kind} className="worker-change">
                    <Typography.Text strong>{label(WORKER_CHANGE_KIND_LABELS, c.kind)}</Typography.Text> · {c.effectiveOn} · {what(c)}
                    <div>{c.reason}</div>
                    {c.actorName && <div>{t('workers.detail.by', { name: c.actorName })}</div>}
                  </div>
                ),
              }))}
            />
          )}
        </Card>
      </Space>
      <WorkerFormModal
        open={editing}
        worker={worker}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void message.success(t('common.saved'));
          load();
        }}
      />
      <WorkerChangeModal
        worker={worker}
        kind={changing}
        onClose={() => setChanging(null)}
        onSaved={(w) => saved(w, t(changing === 'leave' ? 'workers.change.left' : 'workers.change.saved'))}
      />
    </>
  );
}
