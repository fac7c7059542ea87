import type { CadreOpinionAnswer, CadreOpinionPurpose } from '@xj/contracts';
import type { Queryable } from '../platform/db.js';
import { appendAudit } from '../platform/audit/audit.js';
import { presentTables, takeEvidence } from '../modules/cadre-opinions/cadre-opinions.evidence.js';
import { addDays, chinaDateOf } from '../modules/tickets/working-days.js';
import { bulk } from './people-seed.js';
import * as d from './xiajin-data.js';

/**
 * The organisation department's cadre opinions (干部征求意见) since January 2022, at the county's
 * real count (244): about fifty a year to the branches of compounds where demo people live, mostly
 * answered within days to weeks (most agree, some with reservations, a few disagree), a handful
 * still pending (some past the deadline, already chased) and one withdrawn. The evidence is the
 * module's own snapshot as of each request.
 */
export const CADRE_OPINION_FIGURES = {
  requests: 244,
  since: '2022-01-04',
  pending: 8,
  withdrawn: 1,
  prngSeed: 20220104,
};

const POSTS = [
  '县发展和改革局副局长', '县教育和体育局办公室主任', '县财政局预算股股长', '县卫生健康局副局长', '县住房和城乡建设局城建股股长',
  '县民政局社会事务股股长', '县市场监督管理局副局长', '县自然资源局办公室副主任', '县人力资源和社会保障局就业股股长', '县农业农村局副局长',
  '县文化和旅游局综合股股长', '县应急管理局副局长', '县司法局法治督察股股长', '县审计局经济责任审计股股长', '县交通运输局办公室主任',
  '县水利局副局长', '县统计局副局长', '县医疗保障局办公室主任', '县商务局外贸股股长', '县信访局副局长',
];
const ANSWER_TEXTS: Record<CadreOpinionAnswer, string[]> = {
  agree: [
    '经支部委员会研究，该同志在小区积极参加志愿服务和议事协商，邻里评价良好，同意。',
    '该同志按时到小区报到，参加楼栋清理、文明劝导等活动，群众口碑较好，支部同意。',
    '经走访楼栋长和邻居，未发现该同志有违反社会公德、家庭美德的情况，同意。',
    '该同志热心小区事务，参与加装电梯等议题协商，支部委员会一致同意。',
  ],
  agree_with_reservations: [
    '基本同意。该同志报到后参加小区活动次数偏少，建议今后多参与小区志愿服务。',
    '基本同意。邻里反映该同志家庭车辆长期占用消防通道，已提醒整改，建议关注。',
    '基本同意。该同志在小区表现正常，但参与议事协商较少，了解情况有限。',
  ],
  disagree: [
    '不同意。该同志与邻居因装修纠纷长期未解决，群众意见较大，建议暂缓。',
    '不同意。经走访，群众反映该同志在小区存在私搭乱建问题且拒不整改。',
  ],
};
const WITHDRAW_REASON = '该同志已调离本县，本次征求意见不再需要';

const DAY = 86_400_000;

const COLUMNS = [
  'person_id', 'compound_id', 'branch_id', 'purpose', 'post', 'requested_by', 'requested_at', 'deadline', 'evidence', 'status', 'answer', 'answer_text',
  'answered_by', 'answered_at', 'withdraw_reason', 'withdrawn_at', 'reminders_sent', 'last_reminded_at', 'updated_at',
] as const;
const TYPES = [
  'int', 'int', 'int', 'text', 'text', 'int', 'text>timestamptz', 'text>date', 'text>jsonb', 'text', 'text', 'text',
  'int', 'text>timestamptz', 'text', 'text>timestamptz', 'int', 'text>timestamptz', 'text>timestamptz',
];
type Row = Record<(typeof COLUMNS)[number], string | number | null>;

interface Candidate {
  id: number;
  compound_id: number;
  branch_id: number;
  secretary_user_id: number | null;
  demo: boolean;
}

export async function seedCadreOpinions(q: Queryable, say: (m: string) => void): Promise<{ requests: number }> {
  // Its own generator: independent of what the earlier seeds drew.
  const rand = d.rng(CADRE_OPINION_FIGURES.prngSeed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const now = Date.now();
  const candidates = await q.query<Candidate>(
    `SELECT p.id, c.id AS compound_id, b.id AS branch_id, b.secretary_user_id, b.secretary_user_id IS NOT NULL AS demo
       FROM people p JOIN nodes n ON n.id = p.node_id JOIN nodes c ON c.kind = 'compound' AND n.path LIKE c.path || '%'
       JOIN LATERAL (SELECT o.id, o.secretary_user_id FROM branch_compounds bc JOIN party_orgs o ON o.id = bc.branch_id
                      WHERE bc.compound_id = c.id AND o.kind = 'branch' AND o.active ORDER BY o.id LIMIT 1) b ON true
      ORDER BY p.id`,
  );
  if (candidates.length === 0) return { requests: 0 };
  const demo = candidates.filter((c) => c.demo);
  const [admin] = await q.query<{ id: number }>("SELECT id FROM users WHERE username = 'admin'");
  const [county] = await q.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'county' ORDER BY id LIMIT 1");
  const f = CADRE_OPINION_FIGURES;
  const start = Date.parse(`${f.since}T09:00:00+08:00`);
  const end = now - 5 * DAY;
  const step = (end - start) / f.requests;
  const tables = await presentTables(q);
  const pendingPeople = new Set<number>();
  const rows: Row[] = [];
  let answered = 0;
  for (let i = 0; i < f.requests; i++) {
    const pending = i >= f.requests - f.pending;
    const withdrawn = i === 120;
    // Demo branches get every seventh request and most pending ones, so their secretaries see some.
    let who = (pending && i % 4 !== 0) || i % 7 === 0 ? pick(demo.length ? demo : candidates) : pick(candidates);
    while (pending && pendingPeople.has(who.id)) who = pick(candidates);
    if (pending) pendingPeople.add(who.id);
    // A working-hours moment (China time) on the request's day.
    const day = chinaDateOf(new Date(start + i * step + Math.floor(rand() * step * 0.8)));
    const requestedAt = new Date(Date.parse(`${day}T${String(8 + Math.floor(rand() * 9)).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00+08:00`));
    const deadline = addDays(day, 10 + Math.floor(rand() * 11));
    const roll = rand();
    const purpose: CadreOpinionPurpose = roll < 0.5 ? 'promotion' : roll < 0.8 ? 'rank_change' : 'honour';
    const post = pick(POSTS);
    const evidence = await takeEvidence(q, who.id, requestedAt, tables);
    const row: Row = {
      person_id: who.id, compound_id: who.compound_id, branch_id: who.branch_id, purpose, post, requested_by: admin?.id ?? null,
      requested_at: requestedAt.toISOString(), deadline, evidence: JSON.stringify(evidence), status: 'pending', answer: null, answer_text: null,
      answered_by: null, answered_at: null, withdraw_reason: null, withdrawn_at: null, reminders_sent: 0, last_reminded_at: null, updated_at: requestedAt.toISOString(),
    };
    if (withdrawn) {
      const at = new Date(requestedAt.getTime() + 3 * DAY).toISOString();
      Object.assign(row, { status: 'withdrawn', withdraw_reason: WITHDRAW_REASON, withdrawn_at: at, updated_at: at });
    } else if (pending) {
      // Overdue ones were chased once a day since the deadline, up to yesterday.
      const today = chinaDateOf(new Date(now));
      if (deadline < today) {
        row.reminders_sent = Math.min(3, Math.round((Date.parse(today) - Date.parse(deadline)) / DAY));
        row.last_reminded_at = `${addDays(today, -1)}T09:00:00+08:00`;
      }
    } else {
      const a = rand();
      const answer: CadreOpinionAnswer = a < 0.05 ? 'disagree' : a < 0.2 ? 'agree_with_reservations' : 'agree';
      // Mostly within days, some within weeks; a few after the deadline (then chased once).
      const answeredAt = new Date(requestedAt.getTime() + (1 + rand() * rand() * 24) * DAY);
      const late = chinaDateOf(answeredAt) > deadline;
      Object.assign(row, {
        status: 'answered', answer, answer_text: pick(ANSWER_TEXTS[answer]), answered_by: who.secretary_user_id, answered_at: answeredAt.toISOString(),
        updated_at: answeredAt.toISOString(), reminders_sent: late ? 1 : 0, last_reminded_at: late ? `${addDays(deadline, 1)}T09:00:00+08:00` : null,
      });
      answered++;
    }
    rows.push(row);
  }
  await bulk(q, 'cadre_opinion_requests', [...COLUMNS], TYPES, rows.map((r) => COLUMNS.map((c) => r[c])));
  await appendAudit(q, {
    actorUserId: null, actorName: 'system', action: 'seed.cadreOpinions', targetType: 'county', targetId: county?.id ?? null, nodeId: county?.id ?? null,
    result: 'success', details: { requests: f.requests, answered, pending: f.pending, withdrawn: f.withdrawn, since: f.since },
  });
  say(`      干部征求意见 ${f.requests} 件（${f.since} 以来），已答复 ${answered} 件，待答复 ${f.pending} 件`);
  return { requests: f.requests };
}
