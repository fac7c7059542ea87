import { idCheckChar, type WorkerEducation, type WorkerPost, type WorkerQualification } from '@xj/contracts';
import type { Queryable } from '../platform/db.js';
import { appendAudit } from '../platform/audit/audit.js';
import { chinaDateOf } from '../modules/tickets/working-days.js';
import { bulk } from './people-seed.js';
import * as d from './xiajin-data.js';

/**
 * The county's full-time community workers (BRIEF §4): 185 in post across the 18 communities
 * (about ten each), 59 of them with a full-time bachelor's degree or higher, recruited in three
 * batches since 2020, plus a few who have left. Each community has one head (its party
 * committee's secretary), one or two deputies and staff; grades follow post and seniority, and
 * the history holds each worker's joining, the promotions since and any leaving. Every person
 * is new and fictitious: ID numbers in region 379900 with a valid check character, phones
 * 1700883xxxx.
 */
export const WORKER_FIGURES = {
  prngSeed: 20261128,
  active: 185,
  fullTimeDegree: 59,
  left: 5,
  phonePrefix: '1700883',
  batches: [
    { name: '2020年第一批', recruitedOn: '2020-08-01' },
    { name: '2022年第二批', recruitedOn: '2022-07-15' },
    { name: '2024年第三批', recruitedOn: '2024-09-01' },
  ],
};

const FAKE_REGION = '379900';
const STAFF_POSITIONS = ['网格员', '网格员', '社区专职工作者', '党建专干', '民政专干', '综治专干', '社保专干', '文体专干'];
const MAJORS = ['社会工作', '行政管理', '汉语言文学', '法学', '会计学', '计算机科学与技术', '公共事业管理', '思想政治教育'];
/** Grades by post: heads 13–18, deputies 8–13, staff 1–10, higher with seniority. */
const GRADE_RANGE: Record<WorkerPost, [number, number]> = { head: [13, 18], deputy: [8, 13], staff: [1, 10] };

interface Draft {
  communityId: number;
  name: string;
  gender: 'male' | 'female';
  birth: string;
  post: WorkerPost;
  position: string;
  batch: number;
  serviceStart: string;
  education: WorkerEducation;
  fullTime: boolean;
  major: string | null;
  qualifications: WorkerQualification[];
  /** Grades held, first to current, with the day each took effect. */
  grades: { grade: number; on: string }[];
  leftOn: string | null;
}

export async function seedCommunityWorkers(q: Queryable, say: (m: string) => void): Promise<{ workers: number; active: number; fullTimeDegree: number; changes: number }> {
  const f = WORKER_FIGURES;
  const rand = d.rng(f.prngSeed);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const today = chinaDateOf(new Date());
  const communities = await q.query<{ id: number; name: string; secretary: string | null }>(
    `SELECT n.id, n.name, (SELECT o.secretary_name FROM party_orgs o WHERE o.node_id = n.id AND o.kind = 'party_committee' ORDER BY o.id LIMIT 1) AS secretary
       FROM nodes n WHERE n.kind = 'community' ORDER BY n.path`,
  );
  if (communities.length === 0) return { workers: 0, active: 0, fullTimeDegree: 0, changes: 0 };

  // Education profiles of the active workers, shuffled: exactly `fullTimeDegree` full-time bachelor's or higher.
  const profiles: { education: WorkerEducation; fullTime: boolean }[] = [];
  for (let i = 0; i < f.active; i++) {
    if (i < f.fullTimeDegree) profiles.push({ education: i < 6 ? 'postgraduate' : 'bachelor', fullTime: true });
    else if (i < f.fullTimeDegree + 48) profiles.push({ education: 'bachelor', fullTime: false });
    else if (i < f.fullTimeDegree + 48 + 58) profiles.push({ education: 'college', fullTime: i % 3 !== 0 });
    else profiles.push({ education: 'secondary', fullTime: true });
  }
  for (let i = profiles.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [profiles[i], profiles[j]] = [profiles[j]!, profiles[i]!];
  }

  const drafts: Draft[] = [];
  const draft = (communityId: number, post: WorkerPost, position: string, name: string | null, profile: { education: WorkerEducation; fullTime: boolean }, leftOn: string | null = null) => {
    // Heads and deputies mostly came in the first batch, often with earlier community service.
    const batch = post === 'staff' ? pick([0, 0, 1, 1, 1, 2, 2]) : post === 'deputy' ? pick([0, 0, 1]) : 0;
    const recruitedOn = f.batches[batch]!.recruitedOn;
    const serviceStart = post === 'staff' ? recruitedOn : `${between(2008, 2018)}-${pad(between(1, 12), 2)}-01`;
    const [lo, hi] = GRADE_RANGE[post];
    const seniority = Number(today.slice(0, 4)) - Number(serviceStart.slice(0, 4));
    const current = Math.min(hi, lo + Math.floor(seniority / (post === 'staff' ? 1.5 : 2.5)) + between(0, 1));
    // One promotion every two years since joining, at most.
    const promotions = Math.min(current - lo, Math.floor((Number(today.slice(0, 4)) - Number(recruitedOn.slice(0, 4))) / 2), between(0, 3));
    const grades = [{ grade: current - promotions, on: recruitedOn }];
    for (let p = 1; p <= promotions; p++) grades.push({ grade: current - promotions + p, on: `${Number(recruitedOn.slice(0, 4)) + 2 * p}-01-01` });
    const gender = rand() < 0.55 ? 'female' : 'male';
    const birthYear = post === 'head' ? between(1972, 1985) : post === 'deputy' ? between(1978, 1990) : between(1985, 2000);
    const degree = profile.education === 'bachelor' || profile.education === 'postgraduate';
    const r = rand();
    const qualifications: WorkerQualification[] =
      r < 0.04 ? ['senior_social_worker'] : r < 0.18 ? ['social_worker'] : r < 0.45 ? ['social_worker_assistant'] : r < 0.5 ? ['other'] : [];
    drafts.push({
      communityId, name: name ?? pick(d.SURNAMES) + pick(d.GIVEN), gender, birth: `${birthYear}-${pad(between(1, 12), 2)}-${pad(between(1, 28), 2)}`,
      post, position, batch, serviceStart, education: profile.education, fullTime: profile.fullTime,
      major: degree || profile.education === 'college' ? pick(MAJORS) : null, qualifications, grades, leftOn,
    });
  };

  // 185 in post: ten per community, one more in the first few.
  let next = 0;
  const extra = f.active - communities.length * 10;
  for (const [i, c] of communities.entries()) {
    const size = 10 + (i < extra ? 1 : 0);
    const deputies = i % 3 === 0 ? 1 : 2;
    draft(c.id, 'head', '社区党委书记、居委会主任', c.secretary, profiles[next++]!);
    for (let k = 0; k < deputies; k++) draft(c.id, 'deputy', k === 0 ? '社区党委副书记' : '居委会副主任', null, profiles[next++]!);
    for (let k = 1 + deputies; k < size; k++) draft(c.id, 'staff', pick(STAFF_POSITIONS), null, profiles[next++]!);
  }
  // And a few who have left (staff of the earlier batches).
  for (let k = 0; k < f.left; k++) {
    const c = communities[(k * 4 + 2) % communities.length]!;
    draft(c.id, 'staff', pick(STAFF_POSITIONS), null, { education: pick(['bachelor', 'college'] as const), fullTime: false }, `2025-${pad(between(1, 10), 2)}-${pad(between(1, 28), 2)}`);
    drafts[drafts.length - 1]!.batch = k % 2;
  }
  for (const w of drafts) {
    // Keep the story in order: recruitment of the (possibly changed) batch, promotions after it, leaving last.
    const recruitedOn = f.batches[w.batch]!.recruitedOn;
    w.grades[0]!.on = recruitedOn;
    w.grades = w.grades.filter((g, i) => i === 0 || (g.on > recruitedOn && g.on <= today && (!w.leftOn || g.on < w.leftOn)));
    if (w.post === 'staff') w.serviceStart = recruitedOn;
  }

  // The people: fictitious ID numbers, unique against those already in the database.
  const taken = new Set(
    (await q.query<{ id_number: string }>(`SELECT id_number FROM people WHERE id_number LIKE '${FAKE_REGION}%'`)).map((r) => r.id_number),
  );
  const personRows = drafts.map((w, i) => {
    let idNumber = '';
    for (let s = 0; !idNumber || taken.has(idNumber); s++) {
      const first17 = `${FAKE_REGION}${w.birth.replace(/-/g, '')}${pad((900 + ((i + s) % 50) * 2 + (w.gender === 'male' ? 1 : 0)) % 1000, 3)}`;
      idNumber = first17 + idCheckChar(first17);
    }
    taken.add(idNumber);
    return [w.name, w.gender, w.birth, `${f.phonePrefix}${pad(i, 4)}`, idNumber, w.communityId];
  });
  const personIds = (await bulk(q, 'people', ['name', 'gender', 'birth_date', 'phone', 'id_number', 'node_id'], ['text', 'text', 'date', 'text', 'text', 'int'], personRows, 'RETURNING id')).map((r) => r.id);

  const workerIds = (
    await bulk(
      q,
      'community_workers',
      ['person_id', 'community_id', 'post', 'grade', 'grade_since', 'position', 'batch', 'recruited_on', 'education', 'full_time_education', 'degree_major', 'qualifications', 'service_start', 'status', 'left_on'],
      ['int', 'int', 'text', 'int', 'date', 'text', 'text', 'date', 'text', 'bool', 'text', 'text>text[]', 'date', 'text', 'date'],
      drafts.map((w, i) => {
        const last = w.grades[w.grades.length - 1]!;
        const b = f.batches[w.batch]!;
        return [personIds[i], w.communityId, w.post, last.grade, last.on, w.position, b.name, b.recruitedOn, w.education, w.fullTime, w.major,
          `{${w.qualifications.join(',')}}`, w.serviceStart, w.leftOn ? 'left' : 'active', w.leftOn];
      }),
      'RETURNING id',
    )
  ).map((r) => r.id);

  const changes: unknown[][] = [];
  for (const [i, w] of drafts.entries()) {
    const b = f.batches[w.batch]!;
    changes.push([workerIds[i], 'join', null, w.post, null, w.grades[0]!.grade, null, w.communityId, b.recruitedOn, `${b.name}招录入职`]);
    for (let g = 1; g < w.grades.length; g++) {
      changes.push([workerIds[i], 'promotion', w.post, w.post, w.grades[g - 1]!.grade, w.grades[g]!.grade, w.communityId, w.communityId, w.grades[g]!.on, `年度考核称职以上，满两年晋升一级`]);
    }
    if (w.leftOn) {
      const g = w.grades[w.grades.length - 1]!.grade;
      changes.push([workerIds[i], 'leave', w.post, w.post, g, g, w.communityId, w.communityId, w.leftOn, pick(['考取公务员', '个人原因辞职', '随家属迁居外地'])]);
    }
  }
  await bulk(
    q,
    'community_worker_changes',
    ['worker_id', 'kind', 'from_post', 'to_post', 'from_grade', 'to_grade', 'from_community_id', 'to_community_id', 'effective_on', 'reason'],
    ['int', 'text', 'text', 'text', 'int', 'int', 'int', 'int', 'date', 'text'],
    changes,
  );

  const active = drafts.filter((w) => !w.leftOn);
  const summary = {
    workers: drafts.length,
    active: active.length,
    fullTimeDegree: active.filter((w) => w.fullTime && (w.education === 'bachelor' || w.education === 'postgraduate')).length,
    changes: changes.length,
  };
  const [county] = await q.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'county' ORDER BY id LIMIT 1");
  await appendAudit(q, {
    actorUserId: null, actorName: 'system', action: 'seed.communityWorkers', targetType: 'county', targetId: county?.id ?? null, nodeId: county?.id ?? null, result: 'success', details: summary,
  });
  say(`      社区工作者 ${summary.active} 人在岗（全日制本科及以上 ${summary.fullTimeDegree} 人），${f.left} 人已离岗，变动记录 ${summary.changes} 条`);
  return summary;
}
