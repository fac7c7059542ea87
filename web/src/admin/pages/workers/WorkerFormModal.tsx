/** Registers a community worker (a registered person, or one registered on the spot) or edits the registry's own fields; post and grade change through the change dialog. */
import { useMemo } from 'react';
import { InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  WORKER_EDUCATION_LABELS,
  WORKER_EDUCATIONS,
  WORKER_GRADE_MAX,
  WORKER_GRADE_MIN,
  WORKER_LIMITS,
  WORKER_POST_LABELS,
  WORKER_POSTS,
  WORKER_QUALIFICATION_LABELS,
  WORKER_QUALIFICATIONS,
} from '@xj/contracts/domain';
import type { WorkerDto } from '@xj/contracts';
import { RegistryFormModal } from '../../registry/RegistryFormModal';
import type { FormSpec } from '../../registry/types';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { useSession } from '../../session';
import { WorkerPersonField } from './WorkerPersonField';

interface Props {
  open: boolean;
  worker: WorkerDto | null;
  onClose: () => void;
  onSaved: (saved: WorkerDto) => void;
}

export function WorkerFormModal({ open, worker, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const { can } = useSession();
  const spec = useMemo<FormSpec<WorkerDto>>(
    () => ({
      fields: [
        { name: 'personId', label: t('workers.person'), kind: 'custom', required: true, createOnly: true, help: can('people.write') ? t('workers.personHelp') : t('workers.personHelpReadOnly'), input: <WorkerPersonField /> },
        { name: 'communityId', label: t('workers.community'), kind: 'node', required: true, createOnly: true, selectableKinds: ['community'] },
        { name: 'post', label: t('workers.post'), kind: 'select', required: true, createOnly: true, options: options(WORKER_POSTS, WORKER_POST_LABELS) },
        {
          name: 'grade',
          label: t('workers.grade'),
          kind: 'custom',
          required: true,
          createOnly: true,
          input: <InputNumber min={WORKER_GRADE_MIN} max={WORKER_GRADE_MAX} precision={0} className="full-width" />,
        },
        { name: 'gradeSince', label: t('workers.gradeSince'), kind: 'date', createOnly: true },
        { name: 'position', label: t('workers.position'), kind: 'text', max: WORKER_LIMITS.positionMax },
        { name: 'batch', label: t('workers.batch'), kind: 'text', required: true, max: WORKER_LIMITS.batchMax },
        { name: 'recruitedOn', label: t('workers.recruitedOn'), kind: 'date', required: true },
        { name: 'education', label: t('workers.education'), kind: 'select', required: true, options: options(WORKER_EDUCATIONS, WORKER_EDUCATION_LABELS) },
        { name: 'fullTimeEducation', label: t('workers.fullTimeEducation'), kind: 'switch' },
        { name: 'degreeMajor', label: t('workers.degreeMajor'), kind: 'text', max: WORKER_LIMITS.majorMax },
        {
          name: 'qualifications',
          label: t('workers.qualifications'),
          kind: 'custom',
          toApi: (v) => (Array.isArray(v) ? v : []),
          input: <Select mode="multiple" allowClear options={options(WORKER_QUALIFICATIONS, WORKER_QUALIFICATION_LABELS)} />,
        },
        { name: 'serviceStart', label: t('workers.serviceStart'), kind: 'date' },
      ],
      valuesOf: (w) => ({
        position: w.position,
        batch: w.batch,
        recruitedOn: w.recruitedOn,
        education: w.education,
        fullTimeEducation: w.fullTimeEducation,
        degreeMajor: w.degreeMajor,
        qualifications: w.qualifications,
        serviceStart: w.serviceStart,
      }),
    }),
    [t, options, can],
  );
  return (
    <RegistryFormModal<WorkerDto>
      open={open}
      apiPath="/api/workers"
      spec={spec}
      row={worker}
      title={worker ? t('workers.editTitle', { name: worker.name }) : t('workers.createTitle')}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}
