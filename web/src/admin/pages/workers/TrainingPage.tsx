/** 教育培训: courses (create: workers.manage), attendance per course, and the year's shortfall list with the required hours. */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Table, Tabs, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TrainingCourseDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { FilterSelect } from '../../components/FilterSelect';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { useSession } from '../../session';
import { TrainingAttendanceModal } from './TrainingAttendanceModal';
import { TrainingCourseModal } from './TrainingCourseModal';
import { TrainingShortfall } from './TrainingShortfall';

const thisYear = new Date().getFullYear();
const TRAINING_YEARS = Array.from({ length: 6 }, (_, i) => thisYear - i);

export default function TrainingPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const [year, setYear] = useState<number | undefined>(thisYear);
  const [courses, setCourses] = useState<TrainingCourseDto[]>([]);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const [attending, setAttending] = useState<TrainingCourseDto | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    api
      .get<{ data: TrainingCourseDto[] }>('/api/worker-development/courses', { query: { year } })
      .then((r) => setCourses(r.data))
      .catch(() => setCourses([]))
      .finally(() => setLoading(false));
  }, [year]);
  useEffect(load, [load]);

  const columns: TableProps<TrainingCourseDto>['columns'] = [
    { title: t('workerDev.training.courseTitle'), dataIndex: 'title' },
    { title: t('workerDev.training.organiser'), dataIndex: 'organiser', width: 140 },
    { title: t('workerDev.training.dates'), key: 'dates', width: 200, render: (_: unknown, c) => (c.startsOn === c.endsOn ? c.startsOn : `${c.startsOn} ~ ${c.endsOn}`) },
    { title: t('workerDev.training.hours'), dataIndex: 'hours', width: 70, align: 'right' },
    { title: t('workerDev.training.mode'), dataIndex: 'mode', width: 70, render: (m: 'online' | 'offline') => t(`workerDev.training.modes.${m}`) },
    {
      title: t('workerDev.training.category'),
      dataIndex: 'required',
      width: 80,
      render: (r: boolean) => <ToneTag tone={r ? 'red' : 'grey'}>{t(r ? 'workerDev.training.required' : 'workerDev.training.elective')}</ToneTag>,
    },
    { title: t('workerDev.training.attendees'), dataIndex: 'attendees', width: 80, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, c) => (
        <Button size="small" onClick={() => setAttending(c)} aria-label={t('workerDev.training.attendanceFor', { title: c.title })}>
          {t('workerDev.training.attendance')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('workerDev.training.title')} description={t('workerDev.training.description')} />
      <Card>
        <Tabs
          items={[
            {
              key: 'courses',
              label: t('workerDev.training.coursesTab'),
              children: (
                <>
                  <div className="filter-bar" role="search" aria-label={t('workerDev.common.filters')}>
                    <FilterSelect<number>
                      label={t('workerDev.rounds.year')}
                      placeholder={t('workerDev.common.allYears')}
                      value={year}
                      onChange={setYear}
                      options={TRAINING_YEARS.map((y) => ({ value: y, label: t('workerDev.common.yearValue', { year: y }) }))}
                    />
                    {can('workers.manage') && (
                      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                        {t('workerDev.training.create')}
                      </Button>
                    )}
                  </div>
                  <Table<TrainingCourseDto> rowKey="id" columns={columns} dataSource={courses} loading={loading} scroll={{ x: 1000 }} pagination={{ pageSize: 20, showSizeChanger: false }} />
                </>
              ),
            },
            { key: 'shortfall', label: t('workerDev.training.shortfallTab'), children: <TrainingShortfall /> },
          ]}
        />
      </Card>
      <TrainingCourseModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => {
          setCreating(false);
          void message.success(t('workerDev.training.created', { title: c.title }));
          load();
        }}
      />
      <TrainingAttendanceModal
        course={attending}
        onClose={() => {
          setAttending(null);
          load();
        }}
      />
    </>
  );
}
