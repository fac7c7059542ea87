import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, freshDb, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { migrate } from '../migrate.js';
import { branchOf, contentFingerprint, count, expectError, grantNodes, userId } from '../../test/fixtures.js';
import { appendAudit, verifyAuditChain } from './audit.js';

let t: TestApp;
let admin: Client;
let auditor: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  auditor = await t.login('auditor');
});
afterAll(async () => t.close());

interface AuditRow {
  id: number;
  actor_user_id: number | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  node_id: number | null;
  result: string;
  ip: string | null;
  details: Record<string, unknown>;
}

const rowsAfter = (id: number) => t.db.query<AuditRow>('SELECT * FROM audit_log WHERE id > $1 ORDER BY id', [id]);
const lastId = async () => (await t.db.query<{ id: number }>('SELECT coalesce(max(id), 0)::int AS id FROM audit_log'))[0]!.id;

describe('every write appends exactly one audit row', () => {
  interface Ctx {
    community: number;
    otherCommunity: number;
    compound: number;
    createdNode: number;
    createdUser: number;
    grantId: number;
    partyOrg: number;
  }
  const ctx = {} as Ctx;
  beforeAll(async () => {
    const [c] = await grantNodes(t.db, 'community1');
    ctx.community = c!.id;
    ctx.otherCommunity = (await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'community' AND parent_id = $1 AND id <> $2 ORDER BY id LIMIT 1", [c!.parent_id, c!.id]))[0]!.id;
  });

  // Each case runs a successful write as `admin` and names the row it must leave.
  const cases: { name: string; run: () => Promise<{ statusCode: number; body: string }>; action: string; target: () => [string, number]; node?: () => number | null }[] = [
    {
      name: 'POST /api/nodes',
      run: async () => {
        const res = await admin.post('/api/nodes', { parentId: ctx.community, kind: 'compound', name: '审计小区', code: 'AUD-C1', compoundKind: 'three_no' });
        ctx.createdNode = res.json().id;
        return res;
      },
      action: 'node.create',
      target: () => ['node', ctx.createdNode],
      node: () => ctx.createdNode,
    },
    { name: 'PATCH /api/nodes/:id', run: () => admin.patch(`/api/nodes/${ctx.createdNode}`, { name: '审计小区（改）' }), action: 'node.update', target: () => ['node', ctx.createdNode] },
    { name: 'POST /api/nodes/:id/move', run: () => admin.post(`/api/nodes/${ctx.createdNode}/move`, { parentId: ctx.otherCommunity }), action: 'node.move', target: () => ['node', ctx.createdNode] },
    { name: 'POST /api/nodes/:id/deactivate', run: () => admin.post(`/api/nodes/${ctx.createdNode}/deactivate`), action: 'node.deactivate', target: () => ['node', ctx.createdNode] },
    { name: 'POST /api/nodes/:id/activate', run: () => admin.post(`/api/nodes/${ctx.createdNode}/activate`), action: 'node.activate', target: () => ['node', ctx.createdNode] },
    {
      name: 'POST /api/party-orgs',
      run: async () => {
        const res = await admin.post('/api/party-orgs', { kind: 'branch', name: '审计小区党支部', branchMode: 'standalone', compoundIds: [ctx.createdNode] });
        ctx.partyOrg = res.json().id;
        return res;
      },
      action: 'partyOrg.create',
      target: () => ['party_org', ctx.partyOrg],
      node: () => ctx.otherCommunity,
    },
    { name: 'PATCH /api/party-orgs/:id', run: () => admin.patch(`/api/party-orgs/${ctx.partyOrg}`, { secretaryName: '张建国' }), action: 'partyOrg.update', target: () => ['party_org', ctx.partyOrg] },
    {
      name: 'POST /api/users',
      run: async () => {
        const res = await admin.post('/api/users', { username: 'audited', displayName: '审计对象', password: 'Audit!Pass2026', grants: [{ role: 'commissioner', nodeId: ctx.community }] });
        ctx.createdUser = res.json().id;
        return res;
      },
      action: 'user.create',
      target: () => ['user', ctx.createdUser],
      node: () => ctx.community,
    },
    { name: 'PATCH /api/users/:id', run: () => admin.patch(`/api/users/${ctx.createdUser}`, { displayName: '审计对象（改）' }), action: 'user.update', target: () => ['user', ctx.createdUser] },
    {
      name: 'POST /api/users/:id/grants',
      run: async () => {
        const res = await admin.post(`/api/users/${ctx.createdUser}/grants`, { role: 'community_secretary', nodeId: ctx.otherCommunity });
        ctx.grantId = (res.json() as { grants: { id: number; nodeId: number }[] }).grants.find((g) => g.nodeId === ctx.otherCommunity)!.id;
        return res;
      },
      action: 'user.grant.add',
      target: () => ['user', ctx.createdUser],
      node: () => ctx.otherCommunity,
    },
    { name: 'DELETE /api/users/:id/grants/:grantId', run: () => admin.delete(`/api/users/${ctx.createdUser}/grants/${ctx.grantId}`), action: 'user.grant.remove', target: () => ['user', ctx.createdUser] },
    { name: 'POST /api/users/:id/reset-password', run: () => admin.post(`/api/users/${ctx.createdUser}/reset-password`, { password: 'Reset!Pass2026' }), action: 'user.password.reset', target: () => ['user', ctx.createdUser] },
    { name: 'POST /api/users/:id/unlock', run: () => admin.post(`/api/users/${ctx.createdUser}/unlock`), action: 'user.unlock', target: () => ['user', ctx.createdUser] },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const before = await lastId();
      const res = await c.run();
      expect(res.statusCode, res.body).toBeLessThan(300);
      const rows = await rowsAfter(before);
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      const [type, id] = c.target();
      expect(row).toMatchObject({
        actor_user_id: await userId(t.db, 'admin'),
        actor_name: 'admin',
        action: c.action,
        target_type: type,
        target_id: String(id),
        result: 'success',
        ip: '127.0.0.1',
      });
      if (c.node) expect(row.node_id).toBe(c.node());
    });
  }

  it('POST /api/auth/password, then POST /api/auth/logout', async () => {
    const c = await t.login('audited', 'Reset!Pass2026');
    const uid = await userId(t.db, 'audited');
    let before = await lastId();
    expect((await c.post('/api/auth/password', { currentPassword: 'Reset!Pass2026', newPassword: 'Own!Pass2026x' })).statusCode).toBe(200);
    let rows = await rowsAfter(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: uid, actor_name: 'audited', action: 'auth.password.change', target_id: String(uid), result: 'success', ip: '127.0.0.1' });
    before = await lastId();
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    rows = await rowsAfter(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: uid, action: 'auth.logout', result: 'success', ip: '127.0.0.1' });
  });

  it('every sign-in, successful or not, appends one row', async () => {
    const uid = await userId(t.db, 'branch1');
    const attempts: [string, string, string, string][] = [
      ['branch1', DEMO_PASSWORD, 'success', ''],
      ['branch1', 'Wrong#Pass2026', 'failure', 'wrong_password'],
      ['ghost', 'Wrong#Pass2026', 'failure', 'unknown_user'],
    ];
    for (const [username, password, result, reason] of attempts) {
      const before = await lastId();
      await t.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      const rows = await rowsAfter(before);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'auth.login', actor_name: username, result, ip: '127.0.0.1' });
      if (username === 'branch1') expect(rows[0]!.actor_user_id).toBe(uid);
      if (reason) expect(rows[0]!.details.reason).toBe(reason);
    }
  });

  it('a write refused by validation or by a service rule leaves no audit row and no data', async () => {
    const fp = await contentFingerprint(t.db);
    const before = await lastId();
    const joint = (await t.db.query<{ compound_id: number }>("SELECT bc.compound_id FROM branch_compounds bc JOIN party_orgs p ON p.id = bc.branch_id WHERE p.branch_mode = 'joint' LIMIT 1"))[0]!;
    const branch1 = await branchOf(t.db, 'branch1');
    const refused = [
      await admin.post('/api/nodes', { parentId: ctx.community, kind: 'building', name: '错层楼', code: 'AUD-BAD' }),
      await admin.post('/api/nodes', { parentId: ctx.community, kind: 'compound', name: 'x'.repeat(101), code: 'AUD-BAD2', compoundKind: 'commercial' }),
      await admin.post(`/api/nodes/${joint.compound_id}/move`, { parentId: ctx.otherCommunity }),
      await admin.post('/api/party-orgs', { kind: 'branch', name: '重复支部', branchMode: 'standalone', compoundIds: [branch1.compoundIds[0]] }),
      await admin.post('/api/users', { username: 'half', displayName: '半截', password: 'Half!Pass2026', grants: [{ role: 'commissioner', nodeId: ctx.community }, { role: 'commissioner', nodeId: 99_999 }] }),
      await admin.patch(`/api/users/${await userId(t.db, 'admin')}`, { disabled: true }),
    ];
    for (const r of refused) expect(r.statusCode, r.body).toBeGreaterThanOrEqual(400);
    expect(await lastId()).toBe(before);
    expect(await contentFingerprint(t.db)).toBe(fp);
  });

  it('the audit row is written in the same transaction: when it cannot be written, the change is rolled back', async () => {
    await t.db.exec(`CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store down'; END $$;
      CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_refuse_audit();`);
    try {
      const fp = await contentFingerprint(t.db);
      const res = await admin.post('/api/nodes', { parentId: ctx.community, kind: 'compound', name: '无审计小区', code: 'AUD-NOAUDIT', compoundKind: 'commercial' });
      expectError(res, 500, 'INTERNAL');
      expect(res.body).not.toContain('audit store down');
      const moved = await admin.post(`/api/nodes/${ctx.createdNode}/move`, { parentId: ctx.community });
      expect(moved.statusCode).toBe(500);
      expect(await contentFingerprint(t.db)).toBe(fp);
      expect(await count(t.db, "SELECT count(*) FROM nodes WHERE code = 'AUD-NOAUDIT'")).toBe(0);
    } finally {
      await t.db.exec('DROP TRIGGER test_refuse_audit ON audit_log; DROP FUNCTION test_refuse_audit();');
    }
  });
});

describe('reading the audit log', () => {
  it('the auditor browses and filters; totals match the table', async () => {
    const all = await auditor.get('/api/audit?pageSize=200');
    expect(all.statusCode).toBe(200);
    const body = all.json() as { data: { id: number }[]; pagination: { total: number } };
    expect(body.pagination.total).toBe(await count(t.db, 'SELECT count(*) FROM audit_log'));
    const ids = body.data.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const filters: [string, string, unknown[]][] = [
      ['action=node.', "action LIKE 'node.%'", []],
      ['actor=admin', "actor_name = 'admin'", []],
      ['result=failure', "result = 'failure'", []],
      ['targetType=user', "target_type = 'user'", []],
      ['action=auth.login&result=success', "action LIKE 'auth.login%' AND result = 'success'", []],
    ];
    for (const [qs, where, params] of filters) {
      const res = await auditor.get(`/api/audit?${qs}&pageSize=200`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { data: { action: string; actorName: string; result: string }[]; pagination: { total: number } };
      expect(page.pagination.total, qs).toBe(await count(t.db, `SELECT count(*) FROM audit_log WHERE ${where}`, params));
      expect(page.pagination.total).toBeGreaterThan(0);
    }
    const future = await auditor.get(`/api/audit?from=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`);
    expect(future.json().pagination.total).toBe(0);
    const dayRange = await auditor.get('/api/audit?from=2000-01-01&to=2999-12-31');
    expect(dayRange.json().pagination.total).toBe(await count(t.db, 'SELECT count(*) FROM audit_log'));
    const [someNode] = await t.db.query<{ node_id: number }>('SELECT node_id FROM audit_log WHERE node_id IS NOT NULL LIMIT 1');
    const byNode = await auditor.get(`/api/audit?nodeId=${someNode!.node_id}`);
    expect(byNode.json().pagination.total).toBe(await count(t.db, 'SELECT count(*) FROM audit_log WHERE node_id = $1', [someNode!.node_id]));
  });

  it('admin cannot read the audit log, and nobody can change it over HTTP', async () => {
    expectError(await admin.get('/api/audit'), 403, 'FORBIDDEN');
    expectError(await admin.get('/api/audit/verify'), 403, 'FORBIDDEN');
    expectError(await t.inject({ method: 'GET', url: '/api/audit' }), 401, 'UNAUTHENTICATED');
    for (const c of [auditor, admin]) {
      expectError(await c.patch('/api/audit/1', { action: 'x' }), 404, 'NOT_FOUND');
      expectError(await c.delete('/api/audit/1'), 404, 'NOT_FOUND');
      expectError(await c.post('/api/audit', { action: 'x' }), 404, 'NOT_FOUND');
    }
  });
});

describe('append-only and hash-chained', () => {
  it('the database refuses UPDATE, DELETE and TRUNCATE on audit_log', async () => {
    const n = await count(t.db, 'SELECT count(*) FROM audit_log');
    await expect(t.db.query("UPDATE audit_log SET action = 'forged' WHERE id = 1")).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_log WHERE id = 1')).rejects.toThrow(/append-only/);
    await expect(t.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await count(t.db, 'SELECT count(*) FROM audit_log')).toBe(n);
    expect(await count(t.db, "SELECT count(*) FROM audit_log WHERE action = 'forged'")).toBe(0);
  });

  it('the intact chain verifies, over HTTP and in the CLI logic, in any batch size', async () => {
    const n = await count(t.db, 'SELECT count(*) FROM audit_log');
    const res = await auditor.get('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, checked: n, firstBrokenId: null });
    expect(await verifyAuditChain(t.db, 3)).toEqual({ ok: true, checked: n, firstBrokenId: null });
    // Rows appended directly (as the CLI does) keep the chain intact, whatever their details.
    await t.db.tx((q) =>
      appendAudit(q, { actorUserId: null, actorName: 'cli', action: 'test.append', result: 'success', details: { z: 1, a: ['中文', null, { y: 2, b: true }], n: 1.5 } }),
    );
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: n + 1, firstBrokenId: null });
  });

  it('concurrent writes still form one unbroken chain', async () => {
    const [c] = await grantNodes(t.db, 'community1');
    const before = await lastId();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        admin.post('/api/nodes', { parentId: c!.id, kind: 'compound', name: `并发小区${i}`, code: `AUD-PAR-${i}`, compoundKind: 'commercial' }),
      ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    expect(await rowsAfter(before)).toHaveLength(8);
    const n = await count(t.db, 'SELECT count(*) FROM audit_log');
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: n, firstBrokenId: null });
  });

  it('detects a row changed with the triggers disabled, and a row whose hash was recomputed', async () => {
    const [target] = await t.db.query<{ id: number }>("SELECT id FROM audit_log WHERE action = 'node.create' ORDER BY id LIMIT 1");
    const checkedBefore = await count(t.db, 'SELECT count(*) FROM audit_log WHERE id < $1', [target!.id]);
    // A superuser disables the user triggers inside a transaction and edits a row.
    await t.db.tx(async (q) => {
      await q.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await q.query(`UPDATE audit_log SET details = details || '{"name":"篡改"}'::jsonb WHERE id = $1`, [target!.id]);
      await q.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    });
    // The triggers are back on.
    await expect(t.db.query("UPDATE audit_log SET action = 'x' WHERE id = 1")).rejects.toThrow(/append-only/);

    const res = await auditor.get('/api/audit/verify');
    expect(res.json()).toEqual({ ok: false, checked: checkedBefore, firstBrokenId: target!.id });
    expect(await verifyAuditChain(t.db, 2)).toEqual({ ok: false, checked: checkedBefore, firstBrokenId: target!.id });

    // Rewriting the row's own hash too only moves the break to the next row.
    const [row] = await t.db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE id = $1', [target!.id]);
    await t.db.tx(async (q) => {
      await q.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await q.query("UPDATE audit_log SET hash = md5(hash) || md5(prev_hash) WHERE id = $1", [target!.id]);
      await q.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    });
    expect(row!.hash).toHaveLength(64);
    const again = await verifyAuditChain(t.db);
    expect(again.ok).toBe(false);
    expect(again.firstBrokenId).toBe(target!.id);
  });

  it('detects a removed row', async () => {
    const t2 = await freshDb();
    try {
      await migrate(t2.db);
      for (let i = 0; i < 5; i++) await t2.db.tx((q) => appendAudit(q, { actorUserId: null, actorName: 'x', action: `a${i}`, result: 'success' }));
      expect((await verifyAuditChain(t2.db)).ok).toBe(true);
      const [third] = await t2.db.query<{ id: number }>('SELECT id FROM audit_log ORDER BY id OFFSET 2 LIMIT 1');
      await t2.db.tx(async (q) => {
        await q.query('SET LOCAL session_replication_role = replica');
        await q.query('DELETE FROM audit_log WHERE id = $1', [third!.id]);
      });
      expect(await count(t2.db, 'SELECT count(*) FROM audit_log')).toBe(4);
      const result = await verifyAuditChain(t2.db);
      expect(result).toEqual({ ok: false, checked: 2, firstBrokenId: third!.id + 1 });
    } finally {
      await t2.db.close();
      await t2.drop();
    }
  });
});
