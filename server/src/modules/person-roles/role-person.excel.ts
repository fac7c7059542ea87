import { idCheckChar } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { pathInScope, type Scope } from '../../platform/auth/scope.js';
import type { ImportColumn } from '../../platform/excel/columns.js';
import type { ImportRow } from '../../platform/excel/read-sheet.js';
import type { PersonValues } from '../people/people.repo.js';
import { reconcileWithIdNumber } from '../people/people.service.js';
import * as rrepo from './role-import.repo.js';

const EXAMPLE_ID = `37142719850615123${idCheckChar('37142719850615123')}`;

/** The person columns every role import starts with: the person is named by ID number. */
export const ROLE_PERSON_COLUMNS: readonly ImportColumn<'idNumber' | 'name' | 'phone' | 'nodeCode'>[] = [
  {
    key: 'idNumber', header: '身份证号', required: true, text: true, unique: true, width: 22, example: EXAMPLE_ID,
    help: '必填：18位居民身份证号，末位可为X。已登记的人员按身份证号直接关联；未登记的按本行姓名、手机号、住址编码新建人员（请将此列保持为“文本”格式）',
  },
  { key: 'name', header: '姓名', required: true, width: 12, example: '张三', help: '必填，不超过50个字；已登记的人员须与登记的姓名一致' },
  { key: 'phone', header: '手机号', text: true, width: 16, example: '13800001234', help: '选填：新建人员时登记的手机号；已登记的人员不会被修改' },
  {
    key: 'nodeCode', header: '住址编码', required: true, text: true, width: 20, example: '371427001001001',
    help: '必填：新建人员时的居住地（社区、小区、楼栋或单元的编码），须在您的管辖范围内；已登记的人员不会被修改',
  },
];

export interface RolePersonRow {
  idNumber: string;
  name: string;
  phone?: string | undefined;
  nodeCode: string;
}

/** The person a row names: already registered, or created from the row when written. */
export type RolePerson = { id: number; name: string } | { values: PersonValues; name: string };

/**
 * Resolves the person of every row with the people import's rules: a registered ID number
 * in the caller's people.read scope links that person (names must agree); an unknown one is
 * created at an address in the caller's people.write scope. Problems go to the row's errors.
 */
export async function resolveRolePeople<T extends RolePersonRow>(
  q: Queryable,
  rows: ImportRow<T>[],
  scopes: { write: Scope; read: Scope },
): Promise<Map<number, RolePerson>> {
  const registered = await rrepo.peopleByIdNumbers(q, rows.map((r) => r.value!.idNumber));
  const addresses = await rrepo.nodesByCodes(q, [...new Set(rows.filter((r) => !registered.has(r.value!.idNumber)).map((r) => r.value!.nodeCode))]);
  const out = new Map<number, RolePerson>();
  for (const r of rows) {
    const v = r.value!;
    const fail = (column: string, message: string) => r.errors.push({ row: r.row, column, message });
    const existing = registered.get(v.idNumber);
    if (existing) {
      if (!pathInScope(existing.node_path, scopes.read)) fail('身份证号', '该身份证号已在其他辖区登记，请联系上级管理员调整');
      else if (existing.name !== v.name) fail('姓名', `与该身份证号已登记的人员姓名“${existing.name}”不一致`);
      else out.set(r.row, { id: existing.id, name: existing.name });
      continue;
    }
    const node = addresses.get(v.nodeCode);
    // Unknown and out-of-scope codes read the same: the file must not reveal other jurisdictions.
    if (!node || !pathInScope(node.path, scopes.write)) {
      fail('住址编码', `住址编码“${v.nodeCode}”不存在或不在您的管辖范围内`);
      continue;
    }
    try {
      const values = reconcileWithIdNumber({ name: v.name, gender: null, birthDate: null, phone: v.phone ?? null, idNumber: v.idNumber, nodeId: node.id, notes: null });
      out.set(r.row, { values, name: v.name });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      fail('身份证号', err.message);
    }
  }
  return out;
}

/** Creates the new people among `people` and gives every one its id. */
export async function createRolePeople(q: Queryable, people: RolePerson[]): Promise<number[]> {
  const created = await rrepo.insertPeopleReturningIds(q, people.flatMap((p) => ('values' in p ? [p.values] : [])));
  return people.map((p) => ('id' in p ? p.id : created.get(p.values.idNumber!)!));
}
