import { idCheckChar, NODE_KIND_LABELS, type ImportCellError, type NodeKind } from '@xj/contracts';
import { pathInScope, type Scope } from '../../platform/auth/scope.js';
import type { ImportRow } from '../../platform/excel/read-sheet.js';
import type { RegisteredPerson } from './role-import.repo.js';
import type { PlaceNode } from './org-import-excel.repo.js';

/**
 * Row checks the organisation imports share (red shops, social organisations, owners'
 * committees): a place named by code and a registered person named by ID number, with the
 * rules of their create routes and messages that do not reveal other jurisdictions.
 */

export const YES_NO = { true: { zh: '是' }, false: { zh: '否' } } as const;
export const EXAMPLE_ID_NUMBER = `37142719850615123${idCheckChar('37142719850615123')}`;
export const SERVICES_HELP = '选填：多个用“、”或“,”分隔，最多20项，每项不超过50个字';

/** Why the place a row names by code (in the column `header`) cannot hold the record: the rules of `nodeOfKinds`; null when it can. */
export function placeProblem(node: PlaceNode | undefined, code: string, scope: Scope, kinds: readonly NodeKind[], what: string, header: string): string | null {
  // Unknown and out-of-scope codes read the same: the file must not reveal other jurisdictions.
  if (!node || !pathInScope(node.path, scope)) return `${header}“${code}”不存在或不在您的管辖范围内`;
  if (!kinds.includes(node.kind)) {
    return `${what}应为${kinds.map((k) => NODE_KIND_LABELS[k].zh).join('、')}，“${node.name}”是${NODE_KIND_LABELS[node.kind].zh}`;
  }
  if (!node.active) return `“${node.name}”已停用`;
  return null;
}

/** Why the registered person a row names cannot be linked, and which of the two cells is wrong; null when it can. */
export function namedPersonProblem(person: RegisteredPerson | undefined, name: string, scope: Scope): { cell: 'idNumber' | 'name'; message: string } | null {
  if (!person || !pathInScope(person.node_path, scope)) return { cell: 'idNumber', message: '该身份证号的人员未登记或不在您的管辖范围内，请先在人员库登记' };
  if (person.name !== name) return { cell: 'name', message: `与该身份证号已登记的人员姓名“${person.name}”不一致` };
  return null;
}

/**
 * Refuses rows of one import that name the same record twice (`key`; null for none), the
 * earlier rows too, across the chunks the import is checked in: make one per import.
 */
export function fileDuplicates<T>(column: string, what: string) {
  const seen = new Map<string, ImportRow<T>[]>();
  const flagged = new Map<ImportRow<T>, ImportCellError>();
  return (r: ImportRow<T>, key: string | null): void => {
    if (key === null) return;
    const all = [...(seen.get(key) ?? []), r];
    seen.set(key, all);
    if (all.length < 2) return;
    for (const x of all) {
      const message = `与文件中${all.filter((o) => o !== x).map((o) => `第${o.row}行`).join('、')}${what}重复`;
      const error = flagged.get(x);
      if (error) error.message = message;
      else {
        const added = { row: x.row, column, message };
        flagged.set(x, added);
        x.errors.push(added);
      }
    }
  };
}
