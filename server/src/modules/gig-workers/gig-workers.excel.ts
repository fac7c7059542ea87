import { GIG_WORKER_TYPE_LABELS, gigWorkerImportRowSchema, NODE_KIND_LABELS, type GigWorkerImportRow } from '@xj/contracts';
import { pathInScope, type Scope } from '../../platform/auth/scope.js';
import type { ImportColumn } from '../../platform/excel/columns.js';
import { commonAncestorId, type ImportHandler, type ImportSpec } from '../../platform/excel/run-import.js';
import { COMMUNITY_AND_BELOW } from '../person-roles/person-ref.js';
import { createRolePeople, resolveRolePeople, ROLE_PERSON_COLUMNS, type RolePerson } from '../person-roles/role-person.excel.js';
import { nodesByCodes } from '../person-roles/role-import.repo.js';
import * as repo from './gig-workers.repo.js';
import { gigWorkersOfPeople } from './gig-workers-excel.repo.js';

const WHAT = '新就业群体';
const HOME_KINDS = COMMUNITY_AND_BELOW.map((k) => NODE_KIND_LABELS[k].zh).join('、');

export const GIG_WORKER_IMPORT_COLUMNS: readonly ImportColumn[] = [
  ...ROLE_PERSON_COLUMNS,
  { key: 'type', header: '类型', required: true, choices: GIG_WORKER_TYPE_LABELS, width: 12, example: '外卖骑手', help: '必填：快递员、外卖骑手、网约车司机或其他' },
  { key: 'platform', header: '平台企业', width: 20, example: '美团', help: '选填：所在平台企业，不超过50个字' },
  {
    key: 'homeCode', header: '居住地编码', text: true, width: 20, example: '371427001001001',
    help: '选填：登记的居住地（社区、小区、楼栋或单元的编码），须在您的管辖范围内；不填为本行的住址编码',
  },
];

export const GIG_WORKER_IMPORT: ImportSpec<GigWorkerImportRow> = {
  title: WHAT,
  columns: GIG_WORKER_IMPORT_COLUMNS,
  schema: gigWorkerImportRowSchema,
  action: 'gigWorker.import',
  targetType: 'gig_worker',
};

interface GigWorkerToWrite {
  person: RolePerson;
  nodePath: string;
  values: Omit<repo.GigWorkerValues, 'personId'>;
}

/** Checks and writes one caller's gig worker rows: the rules of `POST /api/gig-workers`. */
export function gigWorkerImportHandler(scopes: { write: Scope; read: Scope }): ImportHandler<GigWorkerImportRow, GigWorkerToWrite> {
  return {
    async resolve(q, rows) {
      const people = await resolveRolePeople(q, rows, scopes);
      const homes = await nodesByCodes(q, [...new Set(rows.map((r) => r.value!.homeCode ?? r.value!.nodeCode))]);
      const existing = await gigWorkersOfPeople(q, [...people.values()].flatMap((p) => ('id' in p ? [p.id] : [])));
      for (const r of rows) {
        const v = r.value!;
        const fail = (column: string, message: string) => r.errors.push({ row: r.row, column, message });
        const column = v.homeCode ? '居住地编码' : '住址编码';
        const code = v.homeCode ?? v.nodeCode;
        const home = homes.get(code);
        if (!home || !pathInScope(home.path, scopes.write)) fail(column, `${column}“${code}”不存在或不在您的管辖范围内`);
        else if (!COMMUNITY_AND_BELOW.includes(home.kind)) {
          fail(column, `新就业群体的居住地应为${HOME_KINDS}，“${home.name}”是${NODE_KIND_LABELS[home.kind].zh}`);
        }
        const person = people.get(r.row);
        const record = person && 'id' in person ? existing.get(person.id) : undefined;
        if (record) {
          fail('身份证号', pathInScope(record.node_path, scopes.read)
            ? `${person!.name}已是${WHAT}（编号 ${record.id}），一人只能登记一次，请直接修改已有记录`
            : `${person!.name}已在其他辖区登记为${WHAT}，请联系上级管理员调整`);
        }
        if (r.errors.length || !person || !home) continue;
        r.output = { person, nodePath: home.path, values: { type: v.type, platform: v.platform ?? null, nodeId: home.id } };
      }
    },
    async write(q, rows, progress) {
      const personIds = await createRolePeople(q, rows.map((r) => r.person));
      for (let i = 0; i < rows.length; i++) {
        await repo.insertGigWorker(q, { personId: personIds[i]!, ...rows[i]!.values });
        progress(1);
      }
    },
    auditNode: (rows) => commonAncestorId(rows.map((r) => r.nodePath)),
  };
}
