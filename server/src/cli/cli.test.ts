import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../platform/db.js';

const run = promisify(execFile);
const SERVER = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'xj-cli-'));
// Always the embedded database here: the CLI's SQL is the same on both.
const { DATABASE_URL: _ignored, ...inherited } = process.env;
const env = { ...inherited, DATA_DIR: dataDir, DEMO_MODE: 'false', LOG_LEVEL: 'silent' };

/** Runs the real CLI (TypeScript source through tsx) against an embedded database in a temp folder. */
async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: SERVER, env });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDb>>) => Promise<T>): Promise<T> {
  const db = await openDb({ dataDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm run cli', { timeout: 120_000 }, () => {
  it('lists its commands in --help', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    for (const c of ['create-admin', 'reset-password', 'db:migrate', 'seed', 'audit:verify']) expect(out).toContain(c);
  });

  it('migrates, creates the first admin with a generated password, and refuses a duplicate', async () => {
    expect((await cli('db:migrate')).out).toMatch(/applied: 0001_foundation|up to date/);
    const created = await cli('create-admin', '--username', 'zzb');
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/initial password: \S{12,}/);
    const user = await withDb((db) =>
      db.query<{ must_change_password: boolean; role: string; kind: string }>(
        `SELECT u.must_change_password, g.role, n.kind FROM users u JOIN grants g ON g.user_id = u.id JOIN nodes n ON n.id = g.node_id WHERE u.username = 'zzb'`,
      ),
    );
    expect(user).toEqual([{ must_change_password: true, role: 'county_admin', kind: 'county' }]);
    const again = await cli('create-admin', '--username', 'ZZB');
    expect(again.code).toBe(2);
    expect(again.out).toContain('already exists');
  });

  it('rejects a weak password given on the command line', async () => {
    const weak = await cli('reset-password', 'zzb', '--password', 'short');
    expect(weak.code).toBe(2);
    expect(weak.out).toContain('密码不符合要求');
  });

  it('resets a password and reports an unknown user', async () => {
    expect((await cli('reset-password', 'zzb', '--password', 'Another#Pass2026')).code).toBe(0);
    const unknown = await cli('reset-password', 'nobody');
    expect(unknown.code).toBe(2);
  });

  it('verifies the audit chain and exits 1 once a row was tampered with', async () => {
    const ok = await cli('audit:verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/intact: [1-9]\d* rows/);
    await withDb(async (db) => {
      await db.exec(`SET session_replication_role = replica;
        UPDATE audit_log SET actor_name = 'someone else' WHERE id = (SELECT min(id) FROM audit_log);
        SET session_replication_role = DEFAULT;`);
    });
    const broken = await cli('audit:verify');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('BROKEN');
  });

  it('creates an Open311 key (printed once, stored as a hash) and revokes it once', async () => {
    const created = await cli('open311:key-create', '县政务服务平台');
    expect(created.code, created.out).toBe(0);
    const key = /api_key: (xj311_\S+)/.exec(created.out)![1]!;
    const [row] = await withDb((db) => db.query<{ id: number; key_hash: string }>("SELECT id, key_hash FROM open311_api_keys WHERE name = '县政务服务平台'"));
    expect(row!.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect((await cli('open311:key-revoke', String(row!.id))).code).toBe(0);
    const again = await cli('open311:key-revoke', String(row!.id));
    expect(again.code).toBe(2);
    expect((await cli('open311:key-revoke', 'abc')).code).toBe(2);
    const [revoked] = await withDb((db) => db.query<{ revoked: boolean }>('SELECT revoked_at IS NOT NULL AS revoked FROM open311_api_keys WHERE id = $1', [row!.id]));
    expect(revoked).toEqual({ revoked: true });
  });

  it('seed --reset needs --yes outside demo mode, then rebuilds the demo county', async () => {
    const refused = await cli('seed', '--reset');
    expect(refused.code).toBe(2);
    const seeded = await cli('seed', '--reset', '--yes');
    expect(seeded.code).toBe(0);
    expect(seeded.out).toContain('[1/6]');
    const [counts] = await withDb((db) =>
      db.query<{ communities: number; compounds: number; zzb: number }>(
        `SELECT (SELECT count(*)::int FROM nodes WHERE kind = 'community') AS communities,
                (SELECT count(*)::int FROM nodes WHERE kind = 'compound') AS compounds,
                (SELECT count(*)::int FROM users WHERE username = 'zzb') AS zzb`,
      ),
    );
    expect(counts).toEqual({ communities: 18, compounds: 171, zzb: 0 });
  });
});
