import {
  OPTION_LETTERS,
  QUESTION_KIND_LABELS,
  QUESTION_KINDS,
  questionImportRowSchema,
  questionProblem,
  TRUE_FALSE_OPTIONS,
  type QuestionCreate,
  type QuestionDto,
  type QuestionImportRow,
} from '@xj/contracts';
import type { ExportColumn, ImportColumn } from '../../platform/excel/columns.js';
import type { ImportHandler, ImportSpec } from '../../platform/excel/run-import.js';
import * as repo from './secretary-contest.repo.js';

/** The question bank's Excel sheet: the import template, the per-row checks, and the export (re-importable). */

const KIND_CHOICES = Object.fromEntries(QUESTION_KINDS.map((k) => [k, { zh: QUESTION_KIND_LABELS[k] }]));
const OPTION_KEYS = ['optionA', 'optionB', 'optionC', 'optionD', 'optionE', 'optionF'] as const;

export const QUESTION_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'kind', header: '题型', required: true, choices: KIND_CHOICES, width: 10, example: '单选题', help: '必填：单选题、多选题或判断题' },
  { key: 'difficulty', header: '难度', required: true, width: 8, example: '1', help: '必填：1（易）、2（中）或 3（难）' },
  { key: 'stem', header: '题干', required: true, unique: true, width: 40, example: '“三岗十八级”中的“三岗”不包括以下哪一项？', help: '必填，不超过500个字；同一文件内、题库中启用的试题不能重复' },
  ...OPTION_LETTERS.map((l, i): ImportColumn => ({
    key: OPTION_KEYS[i]!,
    header: `选项${l}`,
    width: 20,
    example: ['正职岗', '副职岗', '社区专职工作者岗', '网格辅助岗', '', ''][i]!,
    help: i < 2 ? `选择题必填，不超过200个字；判断题可不填（默认“正确”“错误”）` : '选填：从 A 起依次填写，中间不能空；最多 6 个选项',
  })),
  { key: 'answer', header: '答案', required: true, width: 10, example: 'D', help: '必填：正确选项的字母，多选题如 ACD；判断题可填“正确”或“错误”' },
];

export const QUESTION_IMPORT: ImportSpec<QuestionImportRow> = {
  title: '擂台比武试题',
  columns: QUESTION_IMPORT_COLUMNS,
  schema: questionImportRowSchema,
  action: 'contestQuestion.import',
  targetType: 'contest_question',
};

type Problem = { column: string; message: string };

/** `A`, `ACD`, `A,C、D`, or 正确/错误 (对/错/√/×) for true/false → option indexes. */
function parseAnswer(text: string, kind: QuestionCreate['kind']): number[] | null {
  const s = text.trim().toUpperCase();
  if (kind === 'truefalse') {
    if (['正确', '对', '√', '✓', 'T', 'TRUE'].includes(s)) return [0];
    if (['错误', '错', '×', '✗', 'F', 'FALSE'].includes(s)) return [1];
  }
  const letters = s.replace(/[\s,，、;；]/g, '');
  if (!/^[A-F]+$/.test(letters)) return null;
  return [...letters].map((l) => OPTION_LETTERS.indexOf(l as (typeof OPTION_LETTERS)[number]));
}

/** A sheet row as the API's question, or what is wrong with it (the column and a message people can act on). */
export function questionOfRow(v: QuestionImportRow): QuestionCreate | Problem {
  const typed = OPTION_KEYS.map((k) => v[k]);
  const last = typed.reduce((at, o, i) => (o === undefined ? at : i), -1);
  const gap = typed.slice(0, last + 1).findIndex((o) => o === undefined);
  if (gap >= 0) return { column: `选项${OPTION_LETTERS[gap]}`, message: `选项${OPTION_LETTERS[gap]}为空：选项应从 A 起依次填写，中间不能空` };
  let options = typed.slice(0, last + 1) as string[];
  if (v.kind === 'truefalse' && options.length === 0) options = [...TRUE_FALSE_OPTIONS];
  if (v.kind !== 'truefalse' && options.length < 2) return { column: '选项B', message: '选择题至少要有 A、B 两个选项' };
  const answer = parseAnswer(v.answer, v.kind);
  if (!answer) return { column: '答案', message: `答案“${v.answer}”无法识别：填正确选项的字母，如 A 或 ACD${v.kind === 'truefalse' ? '，判断题也可填“正确”或“错误”' : ''}` };
  const q: QuestionCreate = { kind: v.kind, difficulty: v.difficulty, stem: v.stem, options, answer: [...answer].sort((a, b) => a - b) };
  const problem = questionProblem(q);
  return problem ? { column: '答案', message: problem } : q;
}

/** Checks the rows (answers against kinds, stems already in the bank) and writes the good ones in the import's transaction. */
export function questionImportHandler(actorUserId: number | null): ImportHandler<QuestionImportRow, QuestionCreate> {
  return {
    async resolve(q, rows) {
      const taken = await repo.activeStems(q, rows.map((r) => r.value!.stem));
      for (const r of rows) {
        const out = questionOfRow(r.value!);
        if ('column' in out) r.errors.push({ row: r.row, ...out });
        else if (taken.has(out.stem)) r.errors.push({ row: r.row, column: '题干', message: '题库中已有相同题干的启用试题' });
        else r.output = out;
      }
    },
    async write(q, rows, progress) {
      for (const x of rows) {
        await repo.insertQuestion(q, x, actorUserId);
        progress(1);
      }
    },
    auditNode: () => null,
  };
}

const answerLetters = (x: QuestionDto) => x.answer.map((i) => OPTION_LETTERS[i]).join('');

/** The bank as a workbook with the template's columns (so an edited export imports again), plus id and status. */
export const QUESTION_EXPORT_COLUMNS: ExportColumn<QuestionDto>[] = [
  { header: '编号', width: 8, value: (x) => x.id },
  { header: '题型', width: 10, value: (x) => QUESTION_KIND_LABELS[x.kind] },
  { header: '难度', width: 8, value: (x) => x.difficulty },
  { header: '题干', width: 40, value: (x) => x.stem },
  ...OPTION_LETTERS.map((l, i): ExportColumn<QuestionDto> => ({ header: `选项${l}`, width: 20, value: (x) => x.options[i] ?? null })),
  { header: '答案', width: 10, value: answerLetters },
  { header: '状态', width: 8, value: (x) => (x.active ? '启用' : '停用') },
];
