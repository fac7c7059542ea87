import type { InspectionSeverity, RatingSource } from '@xj/contracts';
import type { Queryable } from '../platform/db.js';
import { appendAudit } from '../platform/audit/audit.js';
import { addDays, chinaDateOf } from '../modules/tickets/working-days.js';
import * as repo from '../modules/property-ratings/property-ratings.repo.js';
import { cardHundredths, computeRating } from '../modules/property-ratings/rating-scoring.js';
import { periodDates, periodName } from '../modules/property-ratings/rating-periods.js';
import { scoringScheme } from '../modules/property-ratings/property-ratings.service.js';
import { bulk } from './people-seed.js';
import * as d from './xiajin-data.js';

/**
 * The four-colour property assessment (四色管理考核) in the two demo communities (community1's
 * and commissioner2's): the last four quarters closed and published, the current quarter open
 * (its compound branches have not scored yet, so the demo can). Scorecards come from the people
 * who really hold the roles: the branch and community accounts where they exist, owners'
 * committee members and red stewards of each compound (as verified residents), and a residents'
 * survey; stewards' inspections fill each quarter. Each compound has its own level of service,
 * so all four grades appear; low grades carry rectification notices (older ones verified) and
 * one company rated low twice in a row at a compound is flagged to its owners' committee.
 */
export const PROPERTY_RATING_FIGURES = {
  quarters: 5,
  prngSeed: 20260701,
  /** New verified residents (stewards, committee members, survey respondents) get phones from here. */
  phoneBase: 17_008_840_000,
  /** Service levels (points) of the compounds under contract, in turn; the fourth and seventh change over time (see levelOf). */
  levels: [94, 86, 88, 82, 91, 83, 85, 87],
};

const FINDINGS: Record<InspectionSeverity, string[]> = {
  good: ['楼道清扫及时，地面干净无杂物', '绿化带修剪整齐，无枯枝', '门岗登记规范，外来车辆管理有序', '报修当天上门处理，业主满意', '收费公示栏内容齐全，已更新本季度收支'],
  minor: ['3号楼楼道堆放纸箱，已提醒物业清理', '部分路灯不亮，已报物业维修', '垃圾桶周边有散落垃圾', '公示栏收费标准未及时更新', '绿化带有少量枯枝未清理'],
  serious: ['消防通道被车辆长期占用，物业未劝离', '电梯故障三天未修复，老人出行困难', '地下室积水严重，物业未及时排水', '业主投诉一周未答复'],
};
const COMMENTS = ['整体服务较好，继续保持', '环境卫生有待加强', '维修响应速度需提高', '配合支部开展活动积极', '收费公开不够及时'];

const DAY = 86_400_000;
const CARD_COLUMNS = ['rating_id', 'source', 'user_id', 'person_id', 'resident_id', 'scores', 'score', 'comment', 'submitted_at', 'updated_at'];
const CARD_TYPES = ['int', 'text', 'int', 'int', 'int', 'text>jsonb', 'numeric', 'text', 'text>timestamptz', 'text>timestamptz'];
const INSPECTION_COLUMNS = ['compound_id', 'steward_id', 'resident_id', 'indicator_code', 'indicator_name', 'severity', 'finding', 'lat', 'lng', 'created_at'];
const INSPECTION_TYPES = ['int', 'int', 'int', 'text', 'text', 'text', 'text', 'numeric', 'numeric', 'text>timestamptz'];

interface Member {
  personId: number;
  residentId: number | null;
  stewardId?: number;
}

/** A China day and hour as an instant, never later than `now`. */
const at = (day: string, hour: number, now: number) => new Date(Math.min(Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`), now - 60_000)).toISOString();

export async function seedPropertyRatings(q: Queryable, say: (m: string) => void): Promise<{ periods: number; ratings: number; scorecards: number; inspections: number }> {
  const f = PROPERTY_RATING_FIGURES;
  const rand = d.rng(f.prngSeed);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const now = Date.now();
  const today = chinaDateOf(new Date(now));
  const scheme = await repo.currentScheme(q);
  const s = scoringScheme(scheme);

  // The demo communities: where community1 and commissioner2 work.
  const communities = await q.query<{ id: number; name: string; path: string }>(
    `SELECT DISTINCT n.id, n.name, n.path FROM grants g JOIN users u ON u.id = g.user_id JOIN nodes n ON n.id = g.node_id
      WHERE u.username IN ('community1', 'commissioner2') AND n.kind = 'community' ORDER BY n.id`,
  );
  if (communities.length === 0) return { periods: 0, ratings: 0, scorecards: 0, inspections: 0 };
  say(`物业服务四色管理考核：${communities.map((c) => c.name).join('、')}`);

  // Quarters, oldest first; the last is the current one.
  const [y, m] = today.split('-').map(Number) as [number, number];
  const current = (y * 4 + Math.floor((m - 1) / 3));
  const quarters = Array.from({ length: f.quarters }, (_, i) => {
    const n = current - (f.quarters - 1) + i;
    return { year: Math.floor(n / 4), seq: (n % 4) + 1, open: i === f.quarters - 1 };
  });

  // Each compound's people in the roles, and a pool of verified residents for the survey.
  const compoundIds = (
    await q.query<{ id: number }>(`SELECT n.id FROM nodes n WHERE n.kind = 'compound' AND n.path LIKE ANY($1::text[]) ORDER BY n.id`, [communities.map((c) => `${c.path}%`)])
  ).map((r) => r.id);
  const stewards = await q.query<{ id: number; compound_id: number; person_id: number; resident_id: number | null }>(
    `SELECT s.id, s.compound_id, s.person_id, (SELECT r.id FROM residents r WHERE r.person_id = s.person_id ORDER BY r.id LIMIT 1) AS resident_id
       FROM stewards s WHERE s.compound_id = ANY($1::int[]) ORDER BY s.compound_id, s.quality_supervisor DESC, s.id`,
    [compoundIds],
  );
  const members = await q.query<{ compound_id: number; person_id: number; resident_id: number | null }>(
    `SELECT oc.compound_id, m.person_id, (SELECT r.id FROM residents r WHERE r.person_id = m.person_id ORDER BY r.id LIMIT 1) AS resident_id
       FROM owners_committees oc JOIN owners_committee_members m ON m.committee_id = oc.id
      WHERE oc.compound_id = ANY($1::int[]) AND oc.id = (SELECT o2.id FROM owners_committees o2 WHERE o2.compound_id = oc.compound_id ORDER BY o2.term_start DESC, o2.id DESC LIMIT 1)
      ORDER BY oc.compound_id, (m.position = 'director') DESC, m.person_id`,
    [compoundIds],
  );
  const dwellers = await q.query<{ compound_id: number; person_id: number; resident_id: number | null }>(
    `SELECT c.id AS compound_id, p.id AS person_id, (SELECT r.id FROM residents r WHERE r.person_id = p.id ORDER BY r.id LIMIT 1) AS resident_id
       FROM nodes c JOIN nodes pn ON pn.path LIKE c.path || '%' JOIN people p ON p.node_id = pn.id
      WHERE c.id = ANY($1::int[]) ORDER BY c.id, (SELECT r.id FROM residents r WHERE r.person_id = p.id ORDER BY r.id LIMIT 1) NULLS LAST, p.id`,
    [compoundIds],
  );
  const byCompound = <T extends { compound_id: number }>(rows: T[], n: number) => {
    const out = new Map<number, T[]>();
    for (const r of rows) if ((out.get(r.compound_id)?.length ?? 0) < n) out.set(r.compound_id, [...(out.get(r.compound_id) ?? []), r]);
    return out;
  };
  const stewardsOf = byCompound(stewards, 3);
  const membersOf = byCompound(members, 3);
  const surveyOf = byCompound(dwellers, 9);

  // Verified residents for everyone above who has none yet (phones from the demo range).
  const needing = [...new Set([...stewardsOf.values(), ...membersOf.values(), ...surveyOf.values()].flat().filter((r) => r.resident_id === null).map((r) => r.person_id))];
  const created = await bulk(
    q, 'residents', ['phone', 'person_id', 'created_at', 'last_verified_at'], ['text', 'int', 'text>timestamptz', 'text>timestamptz'],
    needing.map((p, i) => [String(f.phoneBase + i), p, at(addDays(today, -400), 10, now), at(addDays(today, -between(1, 60)), 10, now)]), 'RETURNING id, person_id',
  ) as unknown as { id: number; person_id: number }[];
  const residentOf = new Map(created.map((r) => [r.person_id, r.id]));
  const withResident = <T extends { person_id: number; resident_id: number | null }>(r: T): Member => ({ personId: r.person_id, residentId: r.resident_id ?? residentOf.get(r.person_id) ?? null });

  const communityUser = new Map<number, number | null>();
  for (const c of communities) communityUser.set(c.id, (await repo.usersGrantedAt(q, c.id, ['community_secretary']))[0] ?? null);
  const branchUser = new Map<number, number | null>();
  for (const id of compoundIds) branchUser.set(id, (await repo.branchSecretaryUsers(q, id))[0] ?? null);

  // Each compound's level of service. The fourth compound under contract slides into low grades
  // in the last two published quarters (flagged the second time); the seventh starts grey and recovers.
  const contracted = (await q.query<{ id: number }>('SELECT DISTINCT compound_id AS id FROM property_contracts WHERE compound_id = ANY($1::int[]) ORDER BY 1', [compoundIds])).map((r) => r.id);
  const levelOf = (compoundId: number, qi: number) => {
    const i = contracted.indexOf(compoundId);
    if (i === 3) return [86, 86, 74, 66][qi] ?? 80;
    if (i === 6) return qi === 0 ? 62 : 84;
    return f.levels[i % f.levels.length]!;
  };
  const scoresAround = (points: number) => Object.fromEntries(scheme.indicators.map((i) => [i.code, Math.max(0, Math.min(100, Math.round(points + (rand() - 0.5) * 16)))]));
  const starsAround = (points: number) => Object.fromEntries(scheme.indicators.map((i) => [i.code, Math.max(1, Math.min(5, Math.round((points + (rand() - 0.5) * 30) / 20))) * 20]));

  const cards: unknown[][] = [];
  const inspections: unknown[][] = [];
  let periods = 0;
  let ratings = 0;
  const lowCodes = new Set(scheme.grades.filter((g) => g.low).map((g) => g.code));
  /** The last published grade per compound and company (for the two-in-a-row flag). */
  const lastGrade = new Map<string, string | null>();
  const communityOf = new Map<number, number>();
  for (const c of communities) for (const id of compoundIds) if ((await repo.getNode(q, id))!.path.startsWith(c.path)) communityOf.set(id, c.id);

  for (const [qi, quarter] of quarters.entries()) {
    const { startsOn, endsOn } = periodDates('quarter', quarter.year, quarter.seq);
    const deadline = quarter.open ? addDays(endsOn, 15) : [addDays(endsOn, 15), addDays(today, -1)].sort()[0]!;
    const closedAt = at(addDays(deadline, 1), 9, now);
    const publishedDay = [addDays(deadline, 3), today].sort()[0]!;
    const publishedAt = at(publishedDay, 10, now);
    const lastDay = [endsOn, today].sort()[0]!;
    const spanDays = Math.max(0, Math.round((Date.parse(lastDay) - Date.parse(startsOn)) / DAY));
    const dayIn = () => addDays(startsOn, between(0, spanDays));
    const cardTime = () => {
      const day = quarter.open ? dayIn() : addDays(endsOn, between(1, 14));
      return at(day > deadline ? deadline : day, between(8, 21), now);
    };

    for (const community of communities) {
      const compounds = (await repo.compoundsWithContracts(q, { underPath: community.path }, endsOn)).filter((c) => c.company_id !== null);
      if (compounds.length === 0) continue;
      const [period] = await q.query<{ id: number }>(
        `INSERT INTO rating_periods (scheme_id, node_id, kind, year, seq, name, starts_on, ends_on, deadline, status, opened_by, opened_at, closed_by, closed_at)
         VALUES ($1, $2, 'quarter', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [scheme.id, community.id, quarter.year, quarter.seq, periodName('quarter', quarter.year, quarter.seq), startsOn, endsOn, deadline,
          quarter.open ? 'open' : 'closed', communityUser.get(community.id), at(startsOn, 9, now), quarter.open ? null : communityUser.get(community.id), quarter.open ? null : closedAt],
      );
      periods++;
      for (const c of compounds) {
        const points = levelOf(c.compound_id, qi) + (rand() - 0.5) * 6;
        const [rating] = await q.query<{ id: number }>(
          'INSERT INTO property_ratings (period_id, compound_id, company_id, contract_id) VALUES ($1, $2, $3, $4) RETURNING id',
          [period!.id, c.compound_id, c.company_id, c.contract_id],
        );
        ratings++;
        const mine: { source: RatingSource; scores: Record<string, number> }[] = [];
        const card = (source: RatingSource, who: { userId?: number | null; personId?: number | null; residentId?: number | null }, scores: Record<string, number>) => {
          mine.push({ source, scores });
          const time = cardTime();
          cards.push([rating!.id, source, who.userId ?? null, who.personId ?? null, who.residentId ?? null, JSON.stringify(scores), cardHundredths(scheme.indicators, scores) / 100,
            source === 'branch' || source === 'regulator' || rand() < 0.3 ? pick(COMMENTS) : null, time, time]);
        };
        const branch = branchUser.get(c.compound_id);
        // The current quarter waits for the branches (the demo scores it) and half the community's cards.
        if (branch && !quarter.open) card('branch', { userId: branch }, scoresAround(points));
        const regulator = communityUser.get(communityOf.get(c.compound_id)!);
        if (regulator && (!quarter.open || rand() < 0.5)) card('regulator', { userId: regulator }, scoresAround(points - 2));
        for (const mem of (membersOf.get(c.compound_id) ?? []).map(withResident)) {
          if (mem.residentId && rand() < 0.85) card('owners_committee', { personId: mem.personId, residentId: mem.residentId }, scoresAround(points + 1));
        }
        for (const st of (stewardsOf.get(c.compound_id) ?? [])) {
          const who = withResident(st);
          if (who.residentId && rand() < 0.85) card('stewards', { personId: who.personId, residentId: who.residentId }, scoresAround(points - 1));
        }
        // Survey: a few compounds fall short of the minimum answers (the source then counts as missing).
        const pool = (surveyOf.get(c.compound_id) ?? []).map(withResident).filter((r) => r.residentId);
        const answers = Math.min(pool.length, between(3, 9));
        for (const r of pool.slice(0, answers)) card('survey', { residentId: r.residentId }, starsAround(points));

        // Inspections by the compound's stewards, worse where the service is worse.
        const compoundStewards = stewards.filter((st) => st.compound_id === c.compound_id);
        if (compoundStewards.length) {
          for (let k = between(2, 5); k > 0; k--) {
            const st = pick(compoundStewards);
            const roll = rand() * 100;
            const severity: InspectionSeverity = roll < points - 25 ? 'good' : roll < points + 5 ? 'minor' : 'serious';
            const indicator = pick(scheme.indicators);
            const located = rand() < 0.7;
            inspections.push([c.compound_id, st.id, withResident(st).residentId, indicator.code, indicator.name, severity, pick(FINDINGS[severity]),
              located ? (36.948 + rand() * 0.02).toFixed(6) : null, located ? (116.002 + rand() * 0.02).toFixed(6) : null, at(dayIn(), between(8, 18), now)]);
          }
        }

        if (quarter.open) continue;
        const hundredths: Partial<Record<RatingSource, number[]>> = {};
        for (const x of mine) (hundredths[x.source] ??= []).push(cardHundredths(scheme.indicators, x.scores));
        const result = computeRating(s, hundredths);
        await q.query(
          `UPDATE property_ratings SET status = 'published', total = $2, grade = $3, breakdown = $4::jsonb, missing_sources = $5::text[], computed_at = $6,
                  published_by = $7, published_at = $8 WHERE id = $1`,
          [rating!.id, result.total, result.grade, JSON.stringify(result), result.missingSources, closedAt, communityUser.get(community.id) ?? null, publishedAt],
        );
        const key = `${c.compound_id}:${c.company_id}`;
        const low = !!result.grade && lowCodes.has(result.grade);
        if (low) {
          const prevLow = lastGrade.has(key) && lowCodes.has(lastGrade.get(key) ?? '');
          if (prevLow) await repo.flagRating(q, rating!.id);
          const rectDeadline = addDays(publishedDay, scheme.rectification_days);
          // Older notices are reported and verified; the newest are open or reported.
          const age = f.quarters - 1 - qi;
          const status = age >= 2 ? 'verified' : rand() < 0.5 ? 'reported' : 'open';
          const reportedAt = status === 'open' ? null : at([addDays(publishedDay, between(5, 25)), today].sort()[0]!, 15, now);
          const verifiedAt = status === 'verified' ? at([addDays(publishedDay, between(26, 35)), today].sort()[0]!, 16, now) : null;
          await q.query(
            `INSERT INTO rating_rectifications (rating_id, company_id, compound_id, deadline, status, report, reported_at, verify_note, verified_by, verified_at, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
            [rating!.id, c.company_id, c.compound_id, rectDeadline, status, reportedAt ? '已按整改通知逐项整改：清理楼道杂物，维修路灯和单元门禁，公示本季度收支。' : null, reportedAt,
              verifiedAt ? '社区会同小区党支部、业委会现场查看，整改到位。' : null, verifiedAt ? communityUser.get(community.id) ?? null : null, verifiedAt, publishedAt],
          );
        }
        lastGrade.set(key, result.grade);
      }
    }
  }
  await bulk(q, 'rating_scorecards', CARD_COLUMNS, CARD_TYPES, cards);
  await bulk(q, 'property_inspections', INSPECTION_COLUMNS, INSPECTION_TYPES, inspections);
  const [county] = await q.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'county' ORDER BY id LIMIT 1");
  await appendAudit(q, {
    actorUserId: null, actorName: 'system', action: 'seed.propertyRatings', targetType: 'county', targetId: county?.id ?? null, nodeId: county?.id ?? null, result: 'success',
    details: { periods, ratings, scorecards: cards.length, inspections: inspections.length, residents: created.length, quarters: quarters.map((x) => `${x.year}Q${x.seq}`) },
  });
  return { periods, ratings, scorecards: cards.length, inspections: inspections.length };
}
