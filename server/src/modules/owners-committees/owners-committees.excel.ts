import {
  COMMITTEE_POSITION_LABELS,
  ownersCommitteeImportRowSchema,
  partyShareProblem,
  type CommitteePosition,
  type ImportCellError,
  type OwnersCommitteeImportRow,
} from '@xj/contracts';
import type { Scope } from '../../platform/auth/scope.js';
import { AppError } from '../../platform/errors.js';
import type { ImportColumn } from '../../platform/excel/columns.js';
import type { ImportRow } from '../../platform/excel/read-sheet.js';
import { commonAncestorId, type ImportHandler, type ImportSpec } from '../../platform/excel/run-import.js';
import { EXAMPLE_ID_NUMBER, namedPersonProblem, placeProblem } from '../person-roles/org-import.excel.js';
import { placesByCodes, type PlaceNode } from '../person-roles/org-import-excel.repo.js';
import { peopleByIdNumbers } from '../person-roles/role-import.repo.js';
import * as repo from './owners-committees.repo.js';
import { partyMembersAmong } from './owners-committees-excel.repo.js';

export const OWNERS_COMMITTEE_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'compoundCode', header: '小区编码', required: true, text: true, width: 18, example: '371427001001001', help: '必填：业委会所在小区的编码，须在您的管辖范围内。小区编码和任期相同的各行组成一届业委会' },
  { key: 'termStart', header: '任期开始', required: true, date: true, width: 14, example: '2024-01-01', help: '必填，格式 YYYY-MM-DD；同一小区同一时间只有一届业委会' },
  { key: 'termEnd', header: '任期结束', required: true, date: true, width: 14, example: '2028-12-31', help: '必填，格式 YYYY-MM-DD，不早于任期开始' },
  { key: 'electionDate', header: '选举日期', required: true, date: true, width: 14, example: '2023-12-20', help: '必填，格式 YYYY-MM-DD，不晚于任期开始；同一届各行相同' },
  {
    key: 'idNumber', header: '成员身份证号', required: true, text: true, width: 22, example: EXAMPLE_ID_NUMBER,
    help: '必填：成员须已在人员库登记且在您的管辖范围内（请将此列保持为“文本”格式）。每届至少3人、最多50人，党员须超过60%',
  },
  { key: 'name', header: '成员姓名', required: true, width: 12, example: '张三', help: '必填，须与登记的姓名一致' },
  {
    key: 'position', header: '职务', required: true, choices: COMMITTEE_POSITION_LABELS, width: 10, example: '委员',
    help: '必填：主任、副主任或委员；每届最多一名主任',
  },
];

export const OWNERS_COMMITTEE_IMPORT: ImportSpec<OwnersCommitteeImportRow> = {
  title: '业委会成员',
  columns: OWNERS_COMMITTEE_IMPORT_COLUMNS,
  schema: ownersCommitteeImportRowSchema,
  action: 'ownersCommittee.import',
  targetType: 'owners_committee',
};

interface MemberToWrite {
  committee: string;
  compoundId: number;
  compoundPath: string;
  values: repo.CommitteeValues;
  personId: number;
  position: CommitteePosition;
}

type Row = ImportRow<OwnersCommitteeImportRow, MemberToWrite>;

/** One committee of the file: the valid member rows sharing a compound and a term. */
interface Committee {
  compound: PlaceNode;
  termStart: string;
  termEnd: string;
  rows: Row[];
  partyMembers: Set<number>;
  /** Committees of the compound in the database whose term overlaps this one. */
  existing: { id: number; term_start: string; term_end: string }[];
}

/** Why a committee of the file cannot be saved: the rules of `POST /api/owners-committees`. */
function committeeProblems(c: Committee, all: Committee[]): string[] {
  const problems: string[] = [];
  const members = c.rows.map((r) => r.output!);
  if (new Set(c.rows.map((r) => r.value!.electionDate)).size > 1) problems.push('同一届业委会各行的选举日期不一致');
  if (members.length < 3) problems.push(`业委会至少3名成员，该届只有 ${members.length} 名有效成员`);
  if (members.length > 50) problems.push('业委会成员最多50名');
  if (new Set(members.map((m) => m.personId)).size < members.length) problems.push('同一人不能重复列入业委会');
  if (members.filter((m) => m.position === 'director').length > 1) problems.push('业委会只能有一名主任');
  const share = partyShareProblem(members.filter((m) => c.partyMembers.has(m.personId)).length, members.length);
  if (share && members.length >= 3) problems.push(`业委会${share}`);
  for (const other of c.existing) {
    problems.push(`该小区已有业委会（任期 ${other.term_start} 至 ${other.term_end}），与该任期重叠；一个小区同一时间只有一届业委会`);
  }
  for (const other of all) {
    if (other !== c && other.compound.id === c.compound.id && other.termStart <= c.termEnd && other.termEnd >= c.termStart) {
      problems.push(`与文件中任期 ${other.termStart} 至 ${other.termEnd} 的一届重叠；一个小区同一时间只有一届业委会`);
    }
  }
  return problems;
}

/**
 * Checks and writes one caller's committee member rows. Each row's person and compound are
 * checked on their own; then every committee of the file (same compound and term) is checked
 * as a whole, and its problems (the 60% rule among them) are reported on every one of its rows.
 * The committees are checked again after every chunk, since a committee's rows may span chunks.
 */
export function ownersCommitteeImportHandler(scopes: { write: Scope; read: Scope }): ImportHandler<OwnersCommitteeImportRow, MemberToWrite> {
  const committees = new Map<string, Committee>();
  const committeeErrors = new Map<Row, ImportCellError[]>();
  return {
    async resolve(q, rows) {
      const places = await placesByCodes(q, [...new Set(rows.map((r) => r.value!.compoundCode))]);
      const people = await peopleByIdNumbers(q, rows.map((r) => r.value!.idNumber));
      const partyMembers = await partyMembersAmong(q, [...people.values()].map((p) => p.id));
      for (const r of rows) {
        const v = r.value!;
        const fail = (column: string, message: string) => r.errors.push({ row: r.row, column, message });
        const compound = places.get(v.compoundCode);
        const placeError = placeProblem(compound, v.compoundCode, scopes.write, ['compound'], '业委会的所在地', '小区编码');
        if (placeError) fail('小区编码', placeError);
        const person = people.get(v.idNumber);
        const personError = namedPersonProblem(person, v.name, scopes.read);
        if (personError) fail(personError.cell === 'name' ? '成员姓名' : '成员身份证号', personError.message);
        if (r.errors.length) continue;
        const key = `${compound!.id}|${v.termStart}|${v.termEnd}`;
        let c = committees.get(key);
        if (!c) {
          const existing = await repo.overlappingCommittees(q, compound!.id, v.termStart, v.termEnd);
          c = { compound: compound!, termStart: v.termStart, termEnd: v.termEnd, rows: [], partyMembers: new Set(), existing };
          committees.set(key, c);
        }
        if (partyMembers.has(person!.id)) c.partyMembers.add(person!.id);
        c.rows.push(r);
        r.output = {
          committee: key, compoundId: compound!.id, compoundPath: compound!.path,
          values: { termStart: v.termStart, termEnd: v.termEnd, electionDate: v.electionDate }, personId: person!.id, position: v.position,
        };
      }
      const all = [...committees.values()];
      for (const c of all) {
        const problems = committeeProblems(c, all);
        const prefix = `小区“${c.compound.name}”任期 ${c.termStart} 至 ${c.termEnd} 的业委会：`;
        for (const r of c.rows) {
          const stale = new Set(committeeErrors.get(r) ?? []);
          r.errors = r.errors.filter((e) => !stale.has(e));
          const added = problems.map((p) => ({ row: r.row, column: '小区编码', message: `${prefix}${p}` }));
          r.errors.push(...added);
          committeeErrors.set(r, added);
        }
      }
    },
    async write(q, rows, progress) {
      await repo.lockCommitteeRule(q);
      const byCommittee = new Map<string, MemberToWrite[]>();
      for (const m of rows) byCommittee.set(m.committee, [...(byCommittee.get(m.committee) ?? []), m]);
      for (const members of byCommittee.values()) {
        const { compoundId, values } = members[0]!;
        // Checked again under the committee-rule lock: a committee or membership saved since the check counts.
        const [other] = await repo.overlappingCommittees(q, compoundId, values.termStart, values.termEnd);
        const share = partyShareProblem(await repo.partyMemberCount(q, members.map((m) => m.personId)), members.length);
        if (other || share) {
          const why = other ? `与已有业委会（任期 ${other.term_start} 至 ${other.term_end}）重叠` : `业委会${share}`;
          throw new AppError(409, 'CONFLICT', `导入期间数据已变化：${why}，未写入任何数据，请重新导入`);
        }
        const id = await repo.insertCommittee(q, compoundId, values);
        await repo.setCommitteeMembers(q, id, members);
        progress(members.length);
      }
    },
    auditNode: (rows) => commonAncestorId(rows.map((r) => r.compoundPath)),
  };
}
