import { DEPUTY_BODY_LABELS, DEPUTY_LEVEL_LABELS, deputyImportRowSchema, NODE_KIND_LABELS, type DeputyImportRow } from '@xj/contracts';
import { pathInScope, type Scope } from '../../platform/auth/scope.js';
import type { ImportColumn } from '../../platform/excel/columns.js';
import type { ImportRow } from '../../platform/excel/read-sheet.js';
import { commonAncestorId, type ImportHandler, type ImportSpec } from '../../platform/excel/run-import.js';
import { COMMUNITY_AND_BELOW } from '../person-roles/person-ref.js';
import { createRolePeople, resolveRolePeople, ROLE_PERSON_COLUMNS, type RolePerson } from '../person-roles/role-person.excel.js';
import { nodesByCodes } from '../person-roles/role-import.repo.js';
import * as repo from './deputies.repo.js';
import { seatsOfPeople } from './deputies-excel.repo.js';

const CONTACT_KINDS = COMMUNITY_AND_BELOW.map((k) => NODE_KIND_LABELS[k].zh).join('、');
const seatLabel = (v: { body: DeputyImportRow['body']; level: DeputyImportRow['level'] }) => `${DEPUTY_LEVEL_LABELS[v.level].zh}${DEPUTY_BODY_LABELS[v.body].zh}`;

export const DEPUTY_IMPORT_COLUMNS: readonly ImportColumn[] = [
  // One person may hold several seats, so an ID number may appear on several rows (one per seat).
  ...ROLE_PERSON_COLUMNS.map((c) => (c.key === 'idNumber' ? { ...c, unique: false } : c)),
  { key: 'body', header: '类别', required: true, choices: DEPUTY_BODY_LABELS, width: 12, example: '人大代表', help: '必填：人大代表、党代表或政协委员' },
  { key: 'level', header: '级别', required: true, choices: DEPUTY_LEVEL_LABELS, width: 10, example: '县级', help: '必填：县级、市级、省级或全国；同一人同一类别同一级别只能登记一次' },
  {
    key: 'contactCode', header: '联系点编码', text: true, width: 20, example: '371427001001001',
    help: '选填：联系群众的联系点（社区、小区、楼栋或单元的编码），须在您的管辖范围内；不填为本行的住址编码',
  },
];

export const DEPUTY_IMPORT: ImportSpec<DeputyImportRow> = {
  title: '两代表一委员',
  columns: DEPUTY_IMPORT_COLUMNS,
  schema: deputyImportRowSchema,
  action: 'deputy.import',
  targetType: 'deputy',
};

interface DeputyToWrite {
  person: RolePerson;
  nodePath: string;
  values: Omit<repo.DeputyValues, 'personId'>;
}

/** Checks and writes one caller's deputy rows: the rules of `POST /api/deputies`. */
export function deputyImportHandler(scopes: { write: Scope; read: Scope }): ImportHandler<DeputyImportRow, DeputyToWrite> {
  // Across the file's chunks: the first row of each ID number, and the rows of each seat.
  const firstOfPerson = new Map<string, ImportRow<DeputyImportRow, DeputyToWrite>>();
  const rowsOfSeat = new Map<string, ImportRow<DeputyImportRow, DeputyToWrite>[]>();
  return {
    async resolve(q, rows) {
      const people = await resolveRolePeople(q, rows, scopes);
      const contacts = await nodesByCodes(q, [...new Set(rows.map((r) => r.value!.contactCode ?? r.value!.nodeCode))]);
      const seats = await seatsOfPeople(q, [...people.values()].flatMap((p) => ('id' in p ? [p.id] : [])));
      for (const r of rows) {
        const v = r.value!;
        const fail = (column: string, message: string) => r.errors.push({ row: r.row, column, message });
        const column = v.contactCode ? '联系点编码' : '住址编码';
        const code = v.contactCode ?? v.nodeCode;
        const contact = contacts.get(code);
        if (!contact || !pathInScope(contact.path, scopes.write)) fail(column, `${column}“${code}”不存在或不在您的管辖范围内`);
        else if (!COMMUNITY_AND_BELOW.includes(contact.kind)) fail(column, `代表委员的联系点应为${CONTACT_KINDS}，“${contact.name}”是${NODE_KIND_LABELS[contact.kind].zh}`);

        const first = firstOfPerson.get(v.idNumber);
        if (!first) firstOfPerson.set(v.idNumber, r);
        else if (first.value!.name !== v.name) fail('姓名', `与文件中第${first.row}行同一身份证号的姓名“${first.value!.name}”不一致`);
        const key = `${v.idNumber}|${v.body}|${v.level}`;
        const twins = rowsOfSeat.get(key) ?? [];
        for (const twin of twins) {
          twin.errors.push({ row: twin.row, column: '类别', message: `与文件中第${r.row}行重复：同一人的${seatLabel(v)}只能登记一次` });
          fail('类别', `与文件中第${twin.row}行重复：同一人的${seatLabel(v)}只能登记一次`);
        }
        rowsOfSeat.set(key, [...twins, r]);

        const person = people.get(r.row);
        const seat = person && 'id' in person ? seats.find((s) => s.person_id === person.id && s.body === v.body && s.level === v.level) : undefined;
        if (seat) {
          fail('类别', pathInScope(seat.node_path, scopes.read)
            ? `${person!.name}已是${seatLabel(v)}（编号 ${seat.id}），请直接修改已有记录`
            : `${person!.name}已在其他辖区登记为${seatLabel(v)}，请联系上级管理员调整`);
        }
        if (r.errors.length || !person || !contact) continue;
        r.output = { person, nodePath: contact.path, values: { body: v.body, level: v.level, nodeId: contact.id } };
      }
    },
    async write(q, rows, progress) {
      // A new person named on several rows is created once, from the first of them.
      const keyOf = (p: RolePerson) => ('id' in p ? `id:${p.id}` : p.values.idNumber!);
      const distinct = new Map<string, RolePerson>();
      for (const r of rows) if (!distinct.has(keyOf(r.person))) distinct.set(keyOf(r.person), r.person);
      const personIds = await createRolePeople(q, [...distinct.values()]);
      const idOf = new Map([...distinct.keys()].map((k, i) => [k, personIds[i]!]));
      for (const r of rows) {
        await repo.insertDeputy(q, { personId: idOf.get(keyOf(r.person))!, ...r.values });
        progress(1);
      }
    },
    auditNode: (rows) => commonAncestorId(rows.map((r) => r.nodePath)),
  };
}
