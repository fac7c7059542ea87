import type { AssessmentIndicator, AssessmentResult } from '@xj/contracts';
import type { Queryable } from '../platform/db.js';
import { appendAudit } from '../platform/audit/audit.js';
import { addDays, chinaDateOf } from '../modules/tickets/working-days.js';
import { earnedLevel, totalHundredths } from '../modules/worker-development/assessment-scoring.js';
import { bulk } from './people-seed.js';
import * as d from './xiajin-data.js';

/**
 * Assessment and training of the community workers (needs seedCommunityWorkers first):
 * last year's annual round opened by the county, closed, every worker then in post scored with
 * a realistic spread (about 15% 优秀, mostly 称职, a few 基本称职, two 不称职 — one of them
 * lowered by the scorer with a comment); this year's half-year round open with about 40% of
 * the workers scored; a year of training (13 courses) where most workers reach the default
 * 40 required hours and a handful fall short.
 */
export const WORKER_DEVELOPMENT_FIGURES = {
  prngSeed: 20261108,
  excellentShare: 0.15,
  basicallyCompetent: 6,
  incompetent: 2,
  openRoundScoredShare: 0.4,
  /** Workers who miss required courses and fall short of the hours. */
  shortOfHours: 7,
};

export const DEMO_INDICATORS: AssessmentIndicator[] = [
  { code: 'politics', name: '政治素质', weight: 20 },
  { code: 'ability', name: '业务能力', weight: 20 },
  { code: 'diligence', name: '工作作风', weight: 15 },
  { code: 'performance', name: '工作实绩', weight: 35 },
  { code: 'integrity', name: '廉洁自律', weight: 10 },
];

/** [title, organiser, hours, mode, required, issues certificates] */
const COURSES: [string, string, number, 'online' | 'offline', boolean, boolean][] = [
  ['新时代党建引领基层治理专题培训', '县委组织部', 8, 'offline', true, true],
  ['社区工作者职业道德与廉洁自律', '县纪委监委', 4, 'offline', true, false],
  ['网格化服务管理实务', '县委政法委', 6, 'offline', true, false],
  ['社会工作者职业水平考试辅导', '县民政局', 8, 'online', false, false],
  ['居民矛盾纠纷调解技巧', '县司法局', 4, 'offline', true, false],
  ['基层应急管理与防汛救灾', '县应急管理局', 6, 'offline', true, true],
  ['社区养老服务与关爱帮扶', '县民政局', 3, 'online', false, false],
  ['“接诉即办”工单办理规范', '县12345热线中心', 4, 'online', true, false],
  ['信息化平台操作培训', '县委社会工作部', 2, 'online', false, false],
  ['物业服务监管与四色管理考核', '县住建局', 3, 'offline', false, false],
  ['群众工作方法与沟通艺术', '县委党校', 6, 'offline', false, false],
  ['社区公文写作', '县委党校', 4, 'online', false, false],
  ['年度社区书记示范培训班', '县委组织部', 8, 'offline', false, true],
];

const LOWERED_COMMENT = '年内发生一起因推诿群众诉求被通报的情况，经社区党委研究下调为不称职';
const BASIC_COMMENTS = ['工作积极性有待提高', '群众满意度测评偏低', '网格巡查记录不完整'];

/** A China day and hour as an instant, never later than a minute ago. */
const at = (day: string, hour: number) => new Date(Math.min(Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`), Date.now() - 60_000)).toISOString();

export async function seedWorkerDevelopment(q: Queryable, say: (m: string) => void): Promise<{ rounds: number; results: number; courses: number; attendance: number }> {
  const f = WORKER_DEVELOPMENT_FIGURES;
  const rand = d.rng(f.prngSeed);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const today = chinaDateOf(new Date());
  const year = Number(today.slice(0, 4));
  const lastYear = year - 1;
  const [county] = await q.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'county' ORDER BY id LIMIT 1");
  const [admin] = await q.query<{ id: number }>("SELECT id FROM users WHERE username = 'admin'");
  const adminId = admin?.id ?? null;
  const workers = await q.query<{ id: number; recruited_on: string; status: string; left_on: string | null }>(
    `SELECT id, to_char(recruited_on, 'YYYY-MM-DD') AS recruited_on, status, to_char(left_on, 'YYYY-MM-DD') AS left_on FROM community_workers ORDER BY id`,
  );
  if (!county || workers.length === 0) return { rounds: 0, results: 0, courses: 0, attendance: 0 };
  say('社区工作者绩效考核与教育培训');

  /** Scores whose weighted total earns `level` (drawn until they do). */
  const scoresFor = (level: AssessmentResult): { scores: Record<string, number>; hundredths: number } => {
    const [lo, hi] = level === 'excellent' ? [88, 99] : level === 'competent' ? [74, 92] : level === 'basically_competent' ? [58, 78] : [45, 64];
    for (;;) {
      const scores = Object.fromEntries(DEMO_INDICATORS.map((i) => [i.code, between(lo, hi)]));
      const hundredths = totalHundredths(DEMO_INDICATORS, scores);
      if (earnedLevel(hundredths) === level) return { scores, hundredths };
    }
  };
  const totalText = (h: number) => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
  const resultRows: unknown[][] = [];
  const RESULT_COLUMNS = ['round_id', 'worker_id', 'scores', 'total', 'result', 'comment', 'scored_by', 'scored_at', 'updated_at'];
  const RESULT_TYPES = ['int', 'int', 'text>jsonb', 'numeric', 'text', 'text', 'int', 'text>timestamptz', 'text>timestamptz'];

  // Last year's annual round: every worker in post at the end of last year, closed in January.
  const lastEnd = `${lastYear}-12-31`;
  const annualMembers = workers.filter((w) => w.recruited_on <= lastEnd && (w.left_on === null || w.left_on > lastEnd));
  const closedOn = addDays(`${year}-01-01`, 24) < today ? addDays(`${year}-01-01`, 24) : today;
  const [annual] = await q.query<{ id: number }>(
    `INSERT INTO worker_assessment_rounds (name, year, kind, node_id, indicators, deadline, status, opened_by, opened_at, closed_at)
     VALUES ($1, $2, 'annual', $3, $4::jsonb, $5, 'closed', $6, $7, $8) RETURNING id`,
    [`${lastYear}年度考核`, lastYear, county.id, JSON.stringify(DEMO_INDICATORS), `${year}-01-20`, adminId, at(`${lastYear}-12-01`, 9), at(closedOn, 17)],
  );
  const n = annualMembers.length;
  const excellent = Math.round(n * f.excellentShare);
  // Levels dealt out in a shuffled order: the first `excellent` are 优秀, then the few low ones.
  const order = annualMembers.map((w) => ({ w, k: rand() })).sort((a, b) => a.k - b.k).map((x) => x.w);
  order.forEach((w, i) => {
    const level: AssessmentResult =
      i < excellent ? 'excellent' : i < excellent + f.basicallyCompetent ? 'basically_competent' : i < excellent + f.basicallyCompetent + f.incompetent ? 'incompetent' : 'competent';
    // The last 不称职 is earned as 基本称职 and lowered by the scorer, with the reason.
    const lowered = level === 'incompetent' && i === excellent + f.basicallyCompetent + f.incompetent - 1;
    const { scores, hundredths } = scoresFor(lowered ? 'basically_competent' : level);
    const comment = lowered ? LOWERED_COMMENT : level === 'basically_competent' ? BASIC_COMMENTS[i % BASIC_COMMENTS.length]! : null;
    const when = at(addDays(`${year}-01-05`, between(0, 12)), between(9, 17));
    resultRows.push([annual!.id, w.id, JSON.stringify(scores), totalText(hundredths), level, comment, adminId, when, when]);
  });

  // This year's half-year round, open, about 40% scored.
  const secondHalf = Number(today.slice(5, 7)) >= 7;
  const [half] = await q.query<{ id: number }>(
    `INSERT INTO worker_assessment_rounds (name, year, kind, node_id, indicators, deadline, opened_by, opened_at)
     VALUES ($1, $2, 'half_year', $3, $4::jsonb, $5, $6, $7) RETURNING id`,
    [
      `${year}年${secondHalf ? '下' : '上'}半年考核`, year, county.id, JSON.stringify(DEMO_INDICATORS), secondHalf ? `${year + 1}-01-15` : `${year}-07-31`, adminId,
      at(addDays(today, -10), 9),
    ],
  );
  const active = workers.filter((w) => w.status === 'active');
  for (const w of active) {
    if (rand() >= f.openRoundScoredShare) continue;
    const r = rand();
    const level: AssessmentResult = r < 0.17 ? 'excellent' : r < 0.96 ? 'competent' : 'basically_competent';
    const { scores, hundredths } = scoresFor(level);
    const when = at(addDays(today, -between(0, 8)), between(9, 17));
    resultRows.push([half!.id, w.id, JSON.stringify(scores), totalText(hundredths), level, level === 'basically_competent' ? BASIC_COMMENTS[0]! : null, adminId, when, when]);
  }
  await bulk(q, 'worker_assessment_results', RESULT_COLUMNS, RESULT_TYPES, resultRows);

  // A year of training: this year's courses when past mid-year, else last year's, spread over the months before today.
  const tYear = secondHalf ? year : lastYear;
  const last = tYear === year ? addDays(today, -7) : `${tYear}-12-20`;
  const span = Math.max(0, (Date.parse(last) - Date.parse(`${tYear}-01-10`)) / 86_400_000);
  const courseIds: number[] = [];
  const courseStarts: string[] = [];
  for (let i = 0; i < COURSES.length; i++) {
    const [title, organiser, hours, mode, required] = COURSES[i]!;
    const starts = addDays(`${tYear}-01-10`, Math.floor((span * i) / COURSES.length));
    const days = hours >= 8 ? 1 : 0;
    const [c] = await q.query<{ id: number }>(
      `INSERT INTO worker_training_courses (title, organiser, node_id, starts_on, ends_on, hours_tenths, mode, required, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [title, organiser, county.id, starts, addDays(starts, days), hours * 10, mode, required, adminId, at(addDays(starts, -7), 10)],
    );
    courseIds.push(c!.id);
    courseStarts.push(starts);
  }
  const requiredIdx = COURSES.map((c, i) => (c[4] ? i : -1)).filter((i) => i >= 0);
  const electiveIdx = COURSES.map((c, i) => (c[4] ? -1 : i)).filter((i) => i >= 0);
  const trainees = workers.filter((w) => w.recruited_on <= `${tYear}-06-30` && (w.left_on === null || w.left_on > `${tYear}-12-31`));
  const short = new Set(trainees.map((w) => ({ id: w.id, k: rand() })).sort((a, b) => a.k - b.k).slice(0, f.shortOfHours).map((x) => x.id));
  const attendance: unknown[][] = [];
  const certSeq = new Map<number, number>();
  for (const w of trainees) {
    let hours = 0;
    const attend = (i: number) => {
      // Nobody attends a course held before they were recruited.
      if (courseStarts[i]! < w.recruited_on) return;
      const [, , h, , , cert] = COURSES[i]!;
      const passed = rand() > 0.03;
      let certificateNo: string | null = null;
      if (cert && passed) {
        const next = (certSeq.get(i) ?? 0) + 1;
        certSeq.set(i, next);
        certificateNo = `XJSG-${tYear}-${String(i + 1).padStart(2, '0')}-${String(next).padStart(3, '0')}`;
      }
      attendance.push([courseIds[i], w.id, h * 10, passed, certificateNo, adminId]);
      hours += h;
    };
    if (short.has(w.id)) {
      // Misses two required courses and takes one short elective: well under 40 hours.
      requiredIdx.slice(2).forEach(attend);
      attend(electiveIdx[between(0, electiveIdx.length - 1)]!);
      continue;
    }
    requiredIdx.forEach(attend);
    // Electives until at least the default requirement, sometimes more.
    const electives = electiveIdx.map((i) => ({ i, k: rand() })).sort((a, b) => a.k - b.k).map((x) => x.i);
    const target = 40 + (rand() < 0.4 ? between(2, 10) : 0);
    for (const i of electives) {
      if (hours >= target) break;
      attend(i);
    }
  }
  await bulk(q, 'worker_training_attendance', ['course_id', 'worker_id', 'hours_tenths', 'passed', 'certificate_no', 'recorded_by'], ['int', 'int', 'int', 'bool', 'text', 'int'], attendance);

  await appendAudit(q, {
    actorUserId: null, actorName: 'system', action: 'seed.workerDevelopment', targetType: 'county', targetId: county.id, nodeId: county.id, result: 'success',
    details: { rounds: 2, results: resultRows.length, courses: COURSES.length, attendance: attendance.length, trainingYear: tYear },
  });
  return { rounds: 2, results: resultRows.length, courses: COURSES.length, attendance: attendance.length };
}
