import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday, XLSX_CONTENT_TYPE, type WorkerDetailDto, type WorkerDto, type WorkerStatsDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { count, expectError, grantNodes, testPhone, validIdNumber } from '../../test/fixtures.js';

let t: TestApp;
let admin: Client;
let community1: Client;
let subdistrict1: Client;
let myCommunity: { id: number; path: string; name: string };
let otherCommunity: { id: number; path: string; name: string };
/** Plain phones and ID numbers no response may carry. */
const secrets: string[] = [];

function guarded(c: Client): Client {
  const check = (res: LightMyRequestResponse) => {
    if (!String(res.headers['content-type']).startsWith(XLSX_CONTENT_TYPE)) for (const s of secrets) expect(res.body).not.toContain(s);
    return res;
  };
  return { ...c, get: async (u) => check(await c.get(u)), post: async (u, b) => check(await c.post(u, b)), patch: async (u, b) => check(await c.patch(u, b)) };
}

const auditTotal = () => count(t.db, 'SELECT count(*) FROM audit_log');
const lastAudit = async (action: string) =>
  (await t.db.query<{ result: string; details: Record<string, unknown>; node_id: number | null; target_id: string | null }>(
    'SELECT result, details, node_id, target_id FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1',
    [action],
  ))[0];

async function sheet(res: LightMyRequestResponse): Promise<string[][]> {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => {
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(row.getCell(i).text);
    out.push(cells);
  });
  return out;
}

function newPerson(nodeId: number, name = '测试社工') {
  const phone = testPhone();
  const idNumber = validIdNumber('19920315', false);
  secrets.push(phone, idNumber);
  return { name, phone, idNumber, nodeId };
}

const base = { post: 'staff', grade: 2, batch: '2025年第四批', recruitedOn: '2025-03-01', education: 'bachelor', fullTimeEducation: true } as const;

beforeAll(async () => {
  t = await startTestApp();
  [admin, community1, subdistrict1] = (await Promise.all(['admin', 'community1', 'subdistrict1'].map(async (u) => guarded(await t.login(u))))) as [Client, Client, Client];
  const [mine] = await grantNodes(t.db, 'community1');
  myCommunity = { id: mine!.id, path: mine!.path, name: mine!.name };
  const [other] = await t.db.query<{ id: number; path: string; name: string }>(
    "SELECT id, path, name FROM nodes WHERE kind = 'community' AND id <> $1 ORDER BY path LIMIT 1",
    [myCommunity.id],
  );
  otherCommunity = other!;
});
afterAll(async () => t.close());

describe('community worker registry (社区工作者)', () => {
  it('scope: community1 sees only its community’s workers; another community’s worker is 404', async () => {
    const res = await community1.get('/api/workers?pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as { data: WorkerDto[]; pagination: { total: number } };
    expect(list.pagination.total).toBe(await count(t.db, 'SELECT count(*) FROM community_workers WHERE community_id = $1', [myCommunity.id]));
    expect(list.data.length).toBeGreaterThanOrEqual(10);
    expect(list.data.every((w) => w.communityId === myCommunity.id)).toBe(true);
    expect(list.data.every((w) => w.phone === null || /^\d{3}\*{4}\d{4}$/.test(w.phone))).toBe(true);
    expect((await admin.get('/api/workers?pageSize=1')).json().pagination.total).toBe(await count(t.db, 'SELECT count(*) FROM community_workers'));

    const [theirs] = await t.db.query<{ id: number }>('SELECT id FROM community_workers WHERE community_id = $1 LIMIT 1', [otherCommunity.id]);
    expectError(await community1.get(`/api/workers/${theirs!.id}`), 404, 'NOT_FOUND');
    expectError(await community1.patch(`/api/workers/${theirs!.id}`, { position: '网格员' }), 404, 'NOT_FOUND');
    expectError(await community1.post(`/api/workers/${theirs!.id}/changes`, { kind: 'adjust', grade: 3, effectiveOn: chinaToday(), reason: '越权' }), 404, 'NOT_FOUND');
    expectError(await community1.get(`/api/workers?nodeId=${otherCommunity.id}`), 404, 'NOT_FOUND');
    expectError(await community1.get(`/api/workers/stats?nodeId=${otherCommunity.id}`), 404, 'NOT_FOUND');
    expectError(await community1.get('/api/workers/2147483647'), 404, 'NOT_FOUND');
  });

  it('filters match SQL: post, grade, status, education, full-time degree, batch, phone tail', async () => {
    const total = (qs: string) => admin.get(`/api/workers?pageSize=1&${qs}`).then((r) => {
      expect(r.statusCode, r.body).toBe(200);
      return r.json().pagination.total as number;
    });
    expect(await total('post=head')).toBe(await count(t.db, "SELECT count(*) FROM community_workers WHERE post = 'head'"));
    expect(await total('grade=3')).toBe(await count(t.db, 'SELECT count(*) FROM community_workers WHERE grade = 3'));
    expect(await total('status=left')).toBe(await count(t.db, "SELECT count(*) FROM community_workers WHERE status = 'left'"));
    expect(await total('education=college')).toBe(await count(t.db, "SELECT count(*) FROM community_workers WHERE education = 'college'"));
    expect(await total('status=active&fullTimeDegree=true')).toBe(59);
    expect(await total('batch=2022年第二批')).toBe(await count(t.db, "SELECT count(*) FROM community_workers WHERE batch = '2022年第二批'"));
    const [someone] = await t.db.query<{ phone: string; id: number }>('SELECT p.phone, w.id FROM community_workers w JOIN people p ON p.id = w.person_id ORDER BY w.id LIMIT 1');
    const byTail = (await admin.get(`/api/workers?q=${someone!.phone.slice(-4)}`)).json() as { data: WorkerDto[] };
    expect(byTail.data.map((w) => w.id)).toContain(someone!.id);
    expectError(await admin.get('/api/workers?grade=19'), 400, 'VALIDATION_FAILED');
    expectError(await admin.get('/api/workers?post=chief'), 400, 'VALIDATION_FAILED');
    expectError(await admin.get('/api/workers?fullTimeDegree=maybe'), 400, 'VALIDATION_FAILED');
  });

  it('creates a worker with a new person (a join row, audited), refuses a second record for one person', async () => {
    const audits = await auditTotal();
    const person = newPerson(myCommunity.id, '新招社工');
    const res = await community1.post('/api/workers', { ...base, person, communityId: myCommunity.id, qualifications: ['social_worker_assistant', 'social_worker_assistant'], position: '网格员' });
    expect(res.statusCode, res.body).toBe(201);
    const w = res.json() as WorkerDetailDto;
    expect(w).toMatchObject({ name: '新招社工', communityId: myCommunity.id, post: 'staff', grade: 2, gradeSince: '2025-03-01', serviceStart: '2025-03-01', status: 'active', hasDegree: true, fullTimeDegree: true, qualifications: ['social_worker_assistant'] });
    expect(w.phone).toBe(`${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`);
    expect(w.history).toEqual([expect.objectContaining({ kind: 'join', toPost: 'staff', toGrade: 2, effectiveOn: '2025-03-01', toCommunityName: myCommunity.name })]);
    expect(await auditTotal()).toBe(audits + 2); // person.create + worker.create
    expect(await lastAudit('worker.create')).toMatchObject({ result: 'success', node_id: myCommunity.id, target_id: String(w.id) });
    expect(JSON.stringify(await lastAudit('person.create'))).not.toContain(person.phone);

    // The same person again: by id or by the same ID number.
    const before = [await count(t.db, 'SELECT count(*) FROM community_workers'), await auditTotal()];
    expectError(await community1.post('/api/workers', { ...base, personId: w.personId, communityId: myCommunity.id }), 409, 'DUPLICATE');
    expectError(await community1.post('/api/workers', { ...base, person: { ...person }, communityId: myCommunity.id }), 409, 'DUPLICATE');
    expect([await count(t.db, 'SELECT count(*) FROM community_workers'), await auditTotal()]).toEqual(before);
  });

  it('reuses an existing person; bad input is 4xx with a Chinese message and writes nothing', async () => {
    const p = await admin.post('/api/people', newPerson(myCommunity.id, '已登记居民'));
    expect(p.statusCode, p.body).toBe(201);
    const before = [await count(t.db, 'SELECT count(*) FROM community_workers'), await count(t.db, 'SELECT count(*) FROM people'), await auditTotal()];
    const ok = { ...base, personId: p.json().id, communityId: myCommunity.id };
    expectError(await community1.post('/api/workers', { ...ok, communityId: otherCommunity.id }), 404, 'NOT_FOUND');
    const [compound] = await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'compound' AND path LIKE $1 LIMIT 1", [`${myCommunity.path}%`]);
    expectError(await community1.post('/api/workers', { ...ok, communityId: compound!.id }), 400, 'TREE_SHAPE');
    for (const bad of [{ grade: 0 }, { grade: 19 }, { post: 'chief' }, { education: 'phd' }, { recruitedOn: '2025-02-30' }, { qualifications: ['driver'] }, { batch: '' }, { person: newPerson(myCommunity.id) }, { extra: 1 }]) {
      const e = expectError(await community1.post('/api/workers', { ...ok, ...bad }), 400, 'VALIDATION_FAILED');
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const { personId: _p, ...noPerson } = ok;
    expectError(await community1.post('/api/workers', noPerson), 400, 'VALIDATION_FAILED');
    expect([await count(t.db, 'SELECT count(*) FROM community_workers'), await count(t.db, 'SELECT count(*) FROM people'), await auditTotal()]).toEqual(before);
    const res = await community1.post('/api/workers', ok);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().personId).toBe(p.json().id);
  });

  it('updates non-grade fields; changes grade (grade_since reset), post, community and leaving, each with history and audit', async () => {
    const created = (await admin.post('/api/workers', { ...base, person: newPerson(myCommunity.id, '调整社工'), communityId: myCommunity.id, serviceStart: '2019-05-01' })).json() as WorkerDetailDto;
    const id = created.id;
    const years = Number(chinaToday().slice(0, 4)) - 2019 - (chinaToday().slice(5) < '05-01' ? 1 : 0);
    expect(created.serviceYears).toBe(years);
    let audits = await auditTotal();
    const upd = await community1.patch(`/api/workers/${id}`, { education: 'postgraduate', fullTimeEducation: false, degreeMajor: '社会工作', position: null });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ education: 'postgraduate', fullTimeEducation: false, hasDegree: true, fullTimeDegree: false, degreeMajor: '社会工作', position: null, grade: 2 });
    expect(await auditTotal()).toBe(++audits);
    expectError(await community1.patch(`/api/workers/${id}`, { grade: 5 }), 400, 'VALIDATION_FAILED');
    expectError(await community1.patch(`/api/workers/${id}`, {}), 400, 'VALIDATION_FAILED');

    const grade = await community1.post(`/api/workers/${id}/changes`, { kind: 'adjust', grade: 4, effectiveOn: '2026-01-01', reason: '年度考核优秀，破格晋升' });
    expect(grade.statusCode, grade.body).toBe(200);
    const g = grade.json() as WorkerDetailDto;
    expect(g).toMatchObject({ grade: 4, gradeSince: '2026-01-01', post: 'staff' });
    expect(g.history[0]).toMatchObject({ kind: 'grade', fromGrade: 2, toGrade: 4, reason: '年度考核优秀，破格晋升', effectiveOn: '2026-01-01', actorName: expect.any(String) });
    expect(await lastAudit('worker.grade')).toMatchObject({ result: 'success', target_id: String(id), details: expect.objectContaining({ reason: '年度考核优秀，破格晋升' }) });
    expect(await auditTotal()).toBe(++audits);

    const post = (await community1.post(`/api/workers/${id}/changes`, { kind: 'adjust', post: 'deputy', position: '居委会副主任', effectiveOn: '2026-02-01', reason: '选任副职' })).json() as WorkerDetailDto;
    expect(post).toMatchObject({ post: 'deputy', grade: 4, gradeSince: '2026-01-01', position: '居委会副主任' });
    expect(post.history[0]).toMatchObject({ kind: 'post', fromPost: 'staff', toPost: 'deputy' });

    // Nothing changes, no reason, a date before recruitment: refused, nothing written.
    const before = [await count(t.db, 'SELECT count(*) FROM community_worker_changes'), await auditTotal()];
    expectError(await community1.post(`/api/workers/${id}/changes`, { kind: 'adjust', post: 'deputy', effectiveOn: '2026-02-02', reason: '重复' }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post(`/api/workers/${id}/changes`, { kind: 'adjust', grade: 5, effectiveOn: '2026-02-02' }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post(`/api/workers/${id}/changes`, { kind: 'adjust', grade: 5, effectiveOn: '2026-02-02', reason: '' }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post(`/api/workers/${id}/changes`, { kind: 'adjust', effectiveOn: '2026-02-02', reason: '无内容' }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post(`/api/workers/${id}/changes`, { kind: 'adjust', grade: 5, effectiveOn: '2020-01-01', reason: '太早' }), 400, 'VALIDATION_FAILED');
    expectError(await community1.post(`/api/workers/${id}/changes`, { kind: 'promote', grade: 5, effectiveOn: '2026-02-02', reason: '类型' }), 400, 'VALIDATION_FAILED');
    // community1 cannot move a worker out of its community.
    expectError(await community1.post(`/api/workers/${id}/changes`, { kind: 'adjust', communityId: otherCommunity.id, effectiveOn: '2026-02-02', reason: '调动' }), 404, 'NOT_FOUND');
    expect([await count(t.db, 'SELECT count(*) FROM community_worker_changes'), await auditTotal()]).toEqual(before);

    // The county transfers them; the community no longer sees them.
    const moved = (await admin.post(`/api/workers/${id}/changes`, { kind: 'adjust', communityId: otherCommunity.id, effectiveOn: '2026-03-01', reason: '工作需要调动' })).json() as WorkerDetailDto;
    expect(moved).toMatchObject({ communityId: otherCommunity.id, communityName: otherCommunity.name });
    expect(moved.history[0]).toMatchObject({ kind: 'transfer', fromCommunityName: myCommunity.name, toCommunityName: otherCommunity.name });
    expectError(await community1.get(`/api/workers/${id}`), 404, 'NOT_FOUND');

    const left = (await admin.post(`/api/workers/${id}/changes`, { kind: 'leave', effectiveOn: '2026-04-01', reason: '考取公务员' })).json() as WorkerDetailDto;
    expect(left).toMatchObject({ status: 'left', leftOn: '2026-04-01' });
    expect(left.history.map((h) => h.kind)).toEqual(['leave', 'transfer', 'post', 'grade', 'join']);
    expectError(await admin.post(`/api/workers/${id}/changes`, { kind: 'adjust', grade: 6, effectiveOn: '2026-05-01', reason: '已离岗' }), 409, 'CONFLICT');
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE target_type = 'community_worker' AND target_id = $1", [String(id)])).toBe(6);
  });

  it('stats equal SQL over the caller’s scope', async () => {
    const s = (await community1.get('/api/workers/stats')).json() as WorkerStatsDto;
    const active = "FROM community_workers WHERE status = 'active' AND community_id = $1";
    expect(s.active).toBe(await count(t.db, `SELECT count(*) ${active}`, [myCommunity.id]));
    expect(s.left).toBe(await count(t.db, "SELECT count(*) FROM community_workers WHERE status = 'left' AND community_id = $1", [myCommunity.id]));
    expect(s.byCommunity).toEqual([{ communityId: myCommunity.id, communityName: myCommunity.name, count: s.active }]);
    const all = (await admin.get('/api/workers/stats')).json() as WorkerStatsDto;
    const sql = await t.db.query<{ post: string; grade: number; count: number }>(
      "SELECT post, grade, count(*)::int AS count FROM community_workers WHERE status = 'active' GROUP BY post, grade ORDER BY post, grade",
    );
    expect(all.byPostGrade).toEqual(sql);
    for (const p of all.byPost) expect(p.count).toBe(sql.filter((r) => r.post === p.post).reduce((a, r) => a + r.count, 0));
    expect(all.byGrade.reduce((a, r) => a + r.count, 0)).toBe(all.active);
    expect(all.byBatch.reduce((a, r) => a + r.count, 0)).toBe(all.active);
    expect(all.byEducation.reduce((a, r) => a + r.count, 0)).toBe(all.active);
    expect(all.fullTimeDegree).toBe(await count(t.db, "SELECT count(*) FROM community_workers WHERE status = 'active' AND full_time_education AND education IN ('bachelor','postgraduate')"));
    const sub = (await subdistrict1.get('/api/workers/stats')).json() as WorkerStatsDto;
    expect(sub.byCommunity.length).toBeGreaterThan(0);
    expect(sub.byCommunity.length).toBeLessThan(all.byCommunity.length);
  });

  it('exports a real workbook: masked by default, plain only with a reason and the right, audited', async () => {
    const rows = await sheet(await community1.get('/api/workers/export?post=head'));
    expect(rows[0]!.slice(0, 6)).toEqual(['编号', '姓名', '手机号', '身份证号', '社区', '岗位']);
    expect(rows).toHaveLength(2);
    expect(rows[1]![2]).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(rows[1]![5]).toBe('正职岗');
    expect(await lastAudit('worker.export')).toMatchObject({ result: 'success', details: expect.objectContaining({ rowCount: 1, unmasked: false }) });
    expectError(await admin.get('/api/workers/export?unmask=true'), 400, 'VALIDATION_FAILED');
    const plain = await sheet(await admin.get(`/api/workers/export?nodeId=${myCommunity.id}&post=head&unmask=true&reason=${encodeURIComponent('核对社工名册')}`));
    const [head] = await t.db.query<{ phone: string }>("SELECT p.phone FROM community_workers w JOIN people p ON p.id = w.person_id WHERE w.community_id = $1 AND w.post = 'head'", [myCommunity.id]);
    expect(plain[1]![2]).toBe(head!.phone);
    expect(await lastAudit('worker.export')).toMatchObject({ details: expect.objectContaining({ unmasked: true, reason: '核对社工名册' }) });
  });
});
