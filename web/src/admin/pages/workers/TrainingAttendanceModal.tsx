/**
 * A course's attendance: the workers in scope already recorded, and (workers.manage) adding
 * workers with the picker and recording hours, pass and certificate number; saved together.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Input, InputNumber, Modal, Select, Skeleton, Switch, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrainingAttendanceBody, TrainingCourseDetailDto, TrainingCourseDto, WorkerSummaryDto } from '@xj/contracts';
import { api, isApiError, request } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { useSession } from '../../session';

interface Entry {
  worker: WorkerSummaryDto;
  hours: number | null;
  passed: boolean;
  certificateNo: string;
}

interface Props {
  course: TrainingCourseDto | null;
  onClose: () => void;
}

export function TrainingAttendanceModal({ course, onClose }: Props) {
  const { t } = useTranslation();
  const { can } = useSession();
  const manage = can('workers.manage');
  const { saving, error, setError, submit } = useSubmit();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [workers, setWorkers] = useState<WorkerSummaryDto[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    if (!course) return;
    setEntries(null);
    setLoadError(null);
    setError(null);
    const controller = new AbortController();
    api
      .get<TrainingCourseDetailDto>(`/api/worker-development/courses/${course.id}`, { silent: true, signal: controller.signal })
      .then((d) => setEntries(d.attendance.map((a) => ({ worker: a.worker, hours: a.hours, passed: a.passed, certificateNo: a.certificateNo ?? '' }))))
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setLoadError(isApiError(e) ? e.message : t('errors.generic'));
      });
    if (manage)
      api
        .get<{ data: WorkerSummaryDto[] }>('/api/worker-development/workers', { silent: true, signal: controller.signal })
        .then((r) => setWorkers(r.data))
        .catch(() => setWorkers([]));
    return () => controller.abort();
  }, [course, manage, setError, t]);

  const managed = useMemo(() => new Set(workers.map((w) => w.id)), [workers]);
  const pickable = workers.filter((w) => !entries?.some((e) => e.worker.id === w.id)).map((w) => ({ value: w.id, label: `${w.name}（${w.communityName}）` }));
  const update = (id: number, patch: Partial<Entry>) => setEntries((es) => es?.map((e) => (e.worker.id === id ? { ...e, ...patch } : e)) ?? null);

  const onOk = () =>
    void submit(async () => {
      if (!course || !entries) return;
      const mine = entries.filter((e) => managed.has(e.worker.id));
      if (mine.some((e) => e.hours === null)) throw new Error(t('workerDev.training.hoursRequired'));
      if (mine.length === 0) return onClose();
      const body: TrainingAttendanceBody = {
        entries: mine.map((e) => ({ workerId: e.worker.id, hours: e.hours!, passed: e.passed, certificateNo: e.certificateNo.trim() || null })),
      };
      await request('PUT', `/api/worker-development/courses/${course.id}/attendance`, { body, silent: true });
      onClose();
    });

  const editable = (e: Entry) => manage && managed.has(e.worker.id);
  const columns: TableProps<Entry>['columns'] = [
    { title: t('workerDev.common.name'), key: 'name', width: 100, render: (_: unknown, e) => e.worker.name },
    { title: t('workerDev.common.community'), key: 'community', width: 130, render: (_: unknown, e) => e.worker.communityName },
    {
      title: t('workerDev.training.attendedHours'),
      key: 'hours',
      width: 120,
      render: (_: unknown, e) =>
        editable(e) ? (
          <InputNumber
            min={0}
            max={course?.hours}
            precision={1}
            step={0.5}
            value={e.hours}
            onChange={(v) => update(e.worker.id, { hours: v })}
            aria-label={t('workerDev.training.hoursFor', { name: e.worker.name })}
            style={{ width: 100 }}
          />
        ) : (
          e.hours
        ),
    },
    {
      title: t('workerDev.training.passed'),
      key: 'passed',
      width: 80,
      render: (_: unknown, e) =>
        editable(e) ? (
          <Switch checked={e.passed} onChange={(passed) => update(e.worker.id, { passed })} aria-label={t('workerDev.training.passedFor', { name: e.worker.name })} />
        ) : (
          t(e.passed ? 'workerDev.training.yes' : 'workerDev.training.no')
        ),
    },
    {
      title: t('workerDev.training.certificate'),
      key: 'cert',
      render: (_: unknown, e) =>
        editable(e) ? (
          <Input value={e.certificateNo} maxLength={50} onChange={(ev) => update(e.worker.id, { certificateNo: ev.target.value })} aria-label={t('workerDev.training.certificateFor', { name: e.worker.name })} />
        ) : (
          e.certificateNo || '—'
        ),
    },
  ];

  return (
    <Modal
      open={course !== null}
      title={course ? t('workerDev.training.attendanceTitle', { title: course.title, hours: course.hours }) : ''}
      okText={t('common.save')}
      okButtonProps={{ disabled: !manage || !entries }}
      cancelText={t('common.close')}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      width={820}
      destroyOnHidden
    >
      {loadError && <Alert type="error" showIcon title={loadError} />}
      {!entries && !loadError && <Skeleton active />}
      {entries && (
        <>
          {manage && (
            <div style={{ marginBottom: 12 }}>
              <Typography.Text id="attendance-picker-label">{t('workerDev.training.addWorkers')}</Typography.Text>
              <Select
                aria-labelledby="attendance-picker-label"
                mode="multiple"
                value={[]}
                style={{ width: '100%', marginTop: 4 }}
                placeholder={t('workerDev.training.pickerPlaceholder')}
                options={pickable}
                optionFilterProp="label"
                onChange={(ids: number[]) =>
                  setEntries((es) => [...(es ?? []), ...workers.filter((w) => ids.includes(w.id)).map((w) => ({ worker: w, hours: course?.hours ?? null, passed: true, certificateNo: '' }))])
                }
              />
            </div>
          )}
          <Table<Entry> rowKey={(e) => e.worker.id} columns={columns} dataSource={entries} size="small" pagination={{ pageSize: 20, showSizeChanger: false }} scroll={{ x: 700 }} />
        </>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
