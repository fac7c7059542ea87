import type { Queryable } from '../platform/db.js';
import { appendAudit } from '../platform/audit/audit.js';
import { chinaDateOf } from '../modules/tickets/working-days.js';

/**
 * Funding demo (经费保障): last year's and this year's budget lines — the county's party-building
 * work fund, and per community a stipend line for its red stewards, an allowance line for its
 * branch secretaries, a work fund and (where it has red stations, or every community when the
 * station seed has not run) a station running line — with approved monthly disbursements from
 * January of last year to last month, and this month a few pending requests and one rejected.
 * Requested by the community's (else a subdistrict's) account, approved by the county admin,
 * so requester and approver always differ. Set-based SQL: about 50,000 rows in a few statements.
 */
export const FUNDING_FIGURES = {
  /** Monthly standards in fen. */
  stewardMonthlyFen: 20_000,
  secretaryMonthlyFen: 50_000,
  communityWorkFundFen: 2_000_000,
  countyWorkFundFen: 50_000_000,
  stationRunningFen: 1_200_000,
  pendingStewards: 5,
} as const;

export async function seedFunding(q: Queryable, say: (m: string) => void): Promise<{ lines: number; disbursements: number }> {
  const today = chinaDateOf(new Date());
  const year = Number(today.slice(0, 4));
  const month = today.slice(0, 7);
  const F = FUNDING_FIGURES;
  const [admin] = await q.query<{ id: number }>("SELECT min(u.id) AS id FROM users u JOIN grants g ON g.user_id = u.id JOIN nodes n ON n.id = g.node_id WHERE n.kind = 'county'");
  const approver = admin?.id ?? null;

  // Requesters per community: its own account, else its subdistrict's; never the county approver. Where the demo has
  // neither, the history reads as imported from the finance records (no console requester).
  await q.query(`CREATE TEMP TABLE funding_seed_requesters ON COMMIT DROP AS
    SELECT c.id AS community_id, coalesce(
      (SELECT g.user_id FROM grants g WHERE g.node_id = c.id AND g.role = 'community_secretary' ORDER BY g.id LIMIT 1),
      (SELECT g.user_id FROM grants g WHERE g.node_id = c.parent_id AND g.role = 'subdistrict_admin' ORDER BY g.id LIMIT 1)) AS user_id
    FROM nodes c WHERE c.kind = 'community'`);
  // Current role holders per community.
  await q.query(`CREATE TEMP TABLE funding_seed_holders ON COMMIT DROP AS
    SELECT DISTINCT cp.parent_id AS community_id, s.person_id, 'steward_stipend' AS kind, min(s.since) OVER (PARTITION BY cp.parent_id, s.person_id) AS since
      FROM stewards s JOIN nodes cp ON cp.id = s.compound_id WHERE s.since <= CURRENT_DATE
    UNION
    SELECT DISTINCT o.node_id, b.person_id, 'branch_secretary_allowance', min(b.term_start) OVER (PARTITION BY o.node_id, b.person_id)
      FROM branch_secretaries b JOIN party_orgs o ON o.id = b.branch_id JOIN nodes c ON c.id = o.node_id AND c.kind = 'community'
     WHERE b.term_start <= CURRENT_DATE AND (b.term_end IS NULL OR b.term_end >= CURRENT_DATE)`);
  const stationFilter = "(NOT EXISTS (SELECT 1 FROM red_stations) OR EXISTS (SELECT 1 FROM red_stations r JOIN nodes rn ON rn.id = r.node_id WHERE rn.path LIKE c.path || '%'))";

  // Budget lines for both years: per-person lines sized for twelve months of the current holders.
  for (const y of [year - 1, year]) {
    await q.query(
      `INSERT INTO budget_lines (year, node_id, kind, amount_fen, note, created_by, created_at, updated_at)
       SELECT $1::int, n.id, 'party_work_fund', $2::bigint, '县级党建工作经费', $3::int, make_timestamptz($1::int, 1, 5, 9, 0, 0, 'Asia/Shanghai'), make_timestamptz($1::int, 1, 5, 9, 0, 0, 'Asia/Shanghai')
         FROM nodes n WHERE n.kind = 'county'
       UNION ALL
       SELECT $1::int, c.id, k.kind, k.amount, k.note, $3::int, make_timestamptz($1::int, 1, 5, 9, 0, 0, 'Asia/Shanghai'), make_timestamptz($1::int, 1, 5, 9, 0, 0, 'Asia/Shanghai')
         FROM nodes c CROSS JOIN LATERAL (VALUES
           ('steward_stipend', (SELECT count(*) FROM funding_seed_holders h WHERE h.community_id = c.id AND h.kind = 'steward_stipend') * $4::bigint * 12, '每人每月 ' || ($4::bigint / 100) || ' 元'),
           ('branch_secretary_allowance', (SELECT count(*) FROM funding_seed_holders h WHERE h.community_id = c.id AND h.kind = 'branch_secretary_allowance') * $5::bigint * 12, '每人每月 ' || ($5::bigint / 100) || ' 元'),
           ('party_work_fund', $6::bigint, '社区党建工作经费'),
           ('station_running', CASE WHEN ${stationFilter} THEN $7::bigint END, '红色驿站水电、饮水、维护')
         ) AS k(kind, amount, note)
        WHERE c.kind = 'community' AND k.amount IS NOT NULL AND k.amount > 0`,
      [y, F.countyWorkFundFen, approver, F.stewardMonthlyFen, F.secretaryMonthlyFen, F.communityWorkFundFen, F.stationRunningFen],
    );
  }

  // Approved months: January of last year up to last month.
  const months = `SELECT to_char(d, 'YYYY-MM') AS month FROM generate_series(($1 || '-01-01')::date, ($2 || '-01')::date - interval '1 month', interval '1 month') d`;
  const decided = `(m.month || '-25T09:00:00+08:00')::timestamptz, $3::int, (m.month || '-28T10:00:00+08:00')::timestamptz`;
  // Stipends and allowances: every holder who held the role by the month's end.
  await q.query(
    `INSERT INTO disbursements (budget_line_id, month, person_id, amount_fen, purpose, status, requested_by, requested_at, decided_by, decided_at)
     SELECT l.id, m.month, h.person_id, CASE l.kind WHEN 'steward_stipend' THEN $4::bigint ELSE $5::bigint END,
            m.month || CASE l.kind WHEN 'steward_stipend' THEN ' 红色管家补贴' ELSE ' 小区党支部书记补贴' END, 'approved', r.user_id, ${decided}
       FROM (${months}) m JOIN budget_lines l ON l.year = substr(m.month, 1, 4)::int AND l.kind IN ('steward_stipend', 'branch_secretary_allowance')
       JOIN funding_seed_holders h ON h.community_id = l.node_id AND h.kind = l.kind AND h.since <= (m.month || '-01')::date + interval '1 month' - interval '1 day'
       JOIN funding_seed_requesters r ON r.community_id = l.node_id`,
    [String(year - 1), month, approver, F.stewardMonthlyFen, F.secretaryMonthlyFen],
  );
  // Work funds and station running costs: monthly to the community's service centre, 55–80% of a twelfth (varied by node and month).
  await q.query(
    `INSERT INTO disbursements (budget_line_id, month, payee_name, amount_fen, purpose, status, requested_by, requested_at, decided_by, decided_at)
     SELECT l.id, m.month, CASE WHEN n.kind = 'county' THEN '县委组织部党建办' ELSE n.name || '党群服务中心' END,
            (l.amount_fen / 12) * (55 + (n.id * 7 + substr(m.month, 6, 2)::int * 11) % 26) / 100,
            m.month || CASE l.kind WHEN 'party_work_fund' THEN ' 党建活动经费' ELSE ' 红色驿站运行经费' END, 'approved',
            r.user_id, ${decided}
       FROM (${months}) m JOIN budget_lines l ON l.year = substr(m.month, 1, 4)::int AND l.kind IN ('party_work_fund', 'station_running')
       JOIN nodes n ON n.id = l.node_id LEFT JOIN funding_seed_requesters r ON r.community_id = l.node_id`,
    [String(year - 1), month, approver],
  );

  // This month: a few pending stipends and work funds, and one rejected request.
  await q.query(
    `INSERT INTO disbursements (budget_line_id, month, person_id, amount_fen, purpose, requested_by, requested_at)
     SELECT l.id, $1::text, h.person_id, $2::bigint, $1::text || ' 红色管家补贴', r.user_id, now()
       FROM budget_lines l JOIN funding_seed_requesters r ON r.community_id = l.node_id
       JOIN LATERAL (SELECT person_id FROM funding_seed_holders h WHERE h.community_id = l.node_id AND h.kind = 'steward_stipend' ORDER BY person_id LIMIT $3::int) h ON true
      WHERE l.year = $4::int AND l.kind = 'steward_stipend' AND l.node_id = (SELECT min(community_id) FROM funding_seed_requesters WHERE user_id IS NOT NULL
        AND user_id IN (SELECT user_id FROM grants WHERE role = 'community_secretary'))`,
    [month, F.stewardMonthlyFen, F.pendingStewards, year],
  );
  await q.query(
    `INSERT INTO disbursements (budget_line_id, month, payee_name, amount_fen, purpose, status, requested_by, requested_at, decided_by, decided_at, decision_note)
     SELECT l.id, $1::text, n.name || '党群服务中心', v.amount::bigint, v.purpose, v.status, r.user_id, now() - interval '2 hours',
            CASE WHEN v.status = 'rejected' THEN $2::int END, CASE WHEN v.status = 'rejected' THEN now() - interval '1 hour' END, v.note
       FROM (SELECT l.*, row_number() OVER (ORDER BY n.path) AS i FROM budget_lines l JOIN nodes n ON n.id = l.node_id
              JOIN funding_seed_requesters r ON r.community_id = l.node_id AND r.user_id IS NOT NULL
             WHERE l.year = $3::int AND l.kind = 'party_work_fund') l
       JOIN nodes n ON n.id = l.node_id JOIN funding_seed_requesters r ON r.community_id = l.node_id
       JOIN (VALUES (1, 120000, $1::text || ' 党员活动日物资', 'pending', NULL::text), (2, 86000, $1::text || ' 小区议事会场地布置', 'pending', NULL),
                    (3, 300000, $1::text || ' 慰问品采购', 'rejected', '用途说明不清，请补充活动方案和预算明细后重新申请')) AS v(i, amount, purpose, status, note) ON v.i = l.i`,
    [month, approver, year],
  );

  const [{ lines }] = (await q.query<{ lines: number }>('SELECT count(*)::int AS lines FROM budget_lines')) as [{ lines: number }];
  const [{ disbursements }] = (await q.query<{ disbursements: number }>('SELECT count(*)::int AS disbursements FROM disbursements')) as [{ disbursements: number }];
  await appendAudit(q, { actorUserId: null, actorName: 'system', action: 'seed.funding', targetType: 'budget_line', result: 'success', details: { lines, disbursements, years: [year - 1, year] } });
  say(`经费保障：${lines} 个预算行，${disbursements} 笔拨付`);
  return { lines, disbursements };
}
