import {
  chinaToday,
  WORKER_EDUCATION_LABELS,
  WORKER_POST_LABELS,
  WORKER_QUALIFICATION_LABELS,
  WORKER_QUALIFICATIONS,
  workerImportRowSchema,
  type WorkerDto,
  type WorkerImportRow,
} from '@xj/contracts';
import { pathInScope, type Scope } from '../../platform/auth/scope.js';
import type { ExportColumn, ImportColumn } from '../../platform/excel/columns.js';
import { ID_NUMBER_COLUMN, PHONE_COLUMN, type ExportRecord } from '../../platform/excel/registry-export.js';
import { commonAncestorId, type ImportHandler, type ImportSpec } from '../../platform/excel/run-import.js';
import { createRolePeople, resolveRolePeople, ROLE_PERSON_COLUMNS, type RolePerson } from '../person-roles/role-person.excel.js';
import { nodesByCodes } from '../person-roles/role-import.repo.js';
import type { WorkerValues } from './community-workers.repo.js';
import { workersOfPeople } from './community-workers.repo.js';
import { writeNewWorker } from './community-workers.service.js';

const YES_NO = { true: { zh: '是' }, false: { zh: '否' } } as const;
const QUALIFICATIONS = WORKER_QUALIFICATIONS.map((q) => WORKER_QUALIFICATION_LABELS[q].zh).join('、');

export const WORKER_IMPORT_COLUMNS: readonly ImportColumn[] = [
  ...ROLE_PERSON_COLUMNS,
  { key: 'communityCode', header: '社区编码', required: true, text: true, width: 16, example: '371427001001', help: '必填：所在社区的编码，须在您的管辖范围内' },
  { key: 'post', header: '岗位', required: true, choices: WORKER_POST_LABELS, width: 16, example: '社区专职工作者岗', help: '必填：正职岗、副职岗或社区专职工作者岗' },
  { key: 'grade', header: '等级', required: true, width: 8, example: '3', help: '必填：1–18 的整数' },
  { key: 'gradeSince', header: '定级日期', date: true, width: 14, example: '2024-07-01', help: '现等级的起算日期，格式 YYYY-MM-DD；不填为入职日期' },
  { key: 'position', header: '职务', width: 18, example: '网格员', help: '选填：如 社区党委书记、居委会副主任、网格员，不超过50个字' },
  { key: 'batch', header: '招录批次', required: true, width: 16, example: '2024年第三批', help: '必填：如 2024年第三批，不超过30个字' },
  { key: 'recruitedOn', header: '入职日期', required: true, date: true, width: 14, example: '2024-07-01', help: '必填：格式 YYYY-MM-DD' },
  { key: 'education', header: '学历', required: true, choices: WORKER_EDUCATION_LABELS, width: 12, example: '大学本科', help: '必填：研究生、大学本科、大学专科、高中/中专或其他' },
  { key: 'fullTimeEducation', header: '全日制', required: true, choices: YES_NO, width: 8, example: '是', help: '必填：最高学历是否为全日制，填“是”或“否”' },
  { key: 'degreeMajor', header: '所学专业', width: 16, example: '社会工作', help: '选填，不超过50个字' },
  { key: 'qualifications', header: '职业资格', width: 24, example: '助理社会工作师', help: `选填：${QUALIFICATIONS}，多个用“、”分隔` },
  { key: 'serviceStart', header: '工龄起算日期', date: true, width: 14, example: '2024-07-01', help: '服务年限从此日起算，格式 YYYY-MM-DD；不填为入职日期' },
];

export const WORKER_IMPORT: ImportSpec<WorkerImportRow> = {
  title: '社区工作者',
  columns: WORKER_IMPORT_COLUMNS,
  schema: workerImportRowSchema,
  action: 'worker.import',
  targetType: 'community_worker',
};

interface WorkerToWrite {
  person: RolePerson;
  communityPath: string;
  values: WorkerValues;
}

/** Checks and writes one caller's worker rows with the rules of `POST /api/workers` (a join history row each). */
export function workerImportHandler(scopes: { write: Scope; read: Scope }, actorUserId: number | null): ImportHandler<WorkerImportRow, WorkerToWrite> {
  const today = chinaToday();
  return {
    async resolve(q, rows) {
      const people = await resolveRolePeople(q, rows, scopes);
      const communities = await nodesByCodes(q, [...new Set(rows.map((r) => r.value!.communityCode))]);
      const registered = [...people.values()].flatMap((p) => ('id' in p ? [p.id] : []));
      const existing = await workersOfPeople(q, registered);
      for (const r of rows) {
        const v = r.value!;
        const fail = (column: string, message: string) => r.errors.push({ row: r.row, column, message });
        const community = communities.get(v.communityCode);
        if (!community || !pathInScope(community.path, scopes.write)) fail('社区编码', `社区编码“${v.communityCode}”不存在或不在您的管辖范围内`);
        else if (community.kind !== 'community') fail('社区编码', `“${community.name}”不是社区`);
        if (v.recruitedOn > today) fail('入职日期', '入职日期不能晚于今天');
        if (v.gradeSince && v.gradeSince > today) fail('定级日期', '定级日期不能晚于今天');
        const person = people.get(r.row);
        if (person && 'id' in person && existing.has(person.id)) {
          fail('身份证号', `${person.name}已登记为社区工作者（编号 ${existing.get(person.id)}），请直接修改已有记录`);
        }
        if (r.errors.length || !person || !community) continue;
        r.output = {
          person,
          communityPath: community.path,
          values: {
            communityId: community.id, post: v.post, grade: v.grade, gradeSince: v.gradeSince ?? v.recruitedOn, position: v.position ?? null,
            batch: v.batch, recruitedOn: v.recruitedOn, education: v.education, fullTimeEducation: v.fullTimeEducation,
            degreeMajor: v.degreeMajor ?? null, qualifications: v.qualifications ?? [], serviceStart: v.serviceStart ?? v.recruitedOn,
          },
        };
      }
    },
    async write(q, rows, progress) {
      const personIds = await createRolePeople(q, rows.map((r) => r.person));
      for (let i = 0; i < rows.length; i++) {
        await writeNewWorker(q, personIds[i]!, rows[i]!.values, actorUserId);
        progress(1);
      }
    },
    auditNode: (rows) => commonAncestorId(rows.map((r) => r.communityPath)),
  };
}

export const WORKER_EXPORT_COLUMNS: ExportColumn<ExportRecord<WorkerDto>>[] = [
  { header: '编号', width: 8, value: (x) => x.r.id },
  { header: '姓名', width: 12, value: (x) => x.r.name },
  PHONE_COLUMN,
  ID_NUMBER_COLUMN,
  { header: '社区', width: 18, value: (x) => x.r.communityName },
  { header: '岗位', width: 16, value: (x) => WORKER_POST_LABELS[x.r.post].zh },
  { header: '等级', width: 8, value: (x) => x.r.grade },
  { header: '定级日期', width: 14, text: true, value: (x) => x.r.gradeSince },
  { header: '职务', width: 18, value: (x) => x.r.position },
  { header: '招录批次', width: 16, value: (x) => x.r.batch },
  { header: '入职日期', width: 14, text: true, value: (x) => x.r.recruitedOn },
  { header: '学历', width: 12, value: (x) => WORKER_EDUCATION_LABELS[x.r.education].zh },
  { header: '全日制', width: 8, value: (x) => (x.r.fullTimeEducation ? '是' : '否') },
  { header: '所学专业', width: 16, value: (x) => x.r.degreeMajor },
  { header: '职业资格', width: 24, value: (x) => x.r.qualifications.map((q) => WORKER_QUALIFICATION_LABELS[q].zh).join('、') },
  { header: '服务年限', width: 10, value: (x) => x.r.serviceYears },
  { header: '状态', width: 8, value: (x) => (x.r.status === 'active' ? '在岗' : '已离岗') },
  { header: '离岗日期', width: 14, text: true, value: (x) => x.r.leftOn },
];
