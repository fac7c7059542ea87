import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { loadConfig } from '../platform/config.js';
import { openDb, type Db } from '../platform/db.js';
import { migrate } from '../platform/migrate.js';
import { appendAudit, verifyAuditChain } from '../platform/audit/audit.js';
import { assertPasswordPolicy, hashPassword } from '../platform/auth/passwords.js';
import { AppError } from '../platform/errors.js';
import { dropSchema, isDatabaseEmpty, seedDemo } from '../seed/seed.js';
import { Open311KeysService } from '../modules/open311/open311-keys.service.js';
import { open311KeyCreateSchema } from '@xj/contracts';

const config = loadConfig();
const out = (msg: string) => process.stdout.write(`${msg}\n`);
const cliActor = { actorUserId: null, actorName: 'cli', ip: null };
const cliOperator = { userId: null, name: 'cli', ip: null };

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(config);
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** A password that satisfies any configurable policy (all four classes, 20 characters). */
const generatePassword = () => `Xj-${randomBytes(12).toString('base64url')}a9`;

function checkedPassword(given: string | undefined, username: string): { password: string; generated: boolean } {
  if (!given) return { password: generatePassword(), generated: true };
  assertPasswordPolicy(config.passwordPolicy, given, username);
  return { password: given, generated: false };
}

const program = new Command()
  .name('npm run cli --')
  .description('党建引领智慧社区治理平台 — administration commands')
  .showHelpAfterError();

program
  .command('db:migrate')
  .description('apply pending SQL migrations (all in one transaction)')
  .action(async () => {
    const db = await openDb(config);
    try {
      const applied = await migrate(db);
      out(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    } finally {
      await db.close();
    }
  });

program
  .command('seed')
  .description('load the Xiajin demo county (18 communities, 171 compounds, demo accounts)')
  .option('--reset', 'drop all data first and rebuild from scratch')
  .option('--yes', 'confirm --reset outside demo mode')
  .action(async (opts: { reset?: boolean; yes?: boolean }) => {
    if (opts.reset && !config.demoMode && !opts.yes) throw new AppError(400, 'VALIDATION_FAILED', 'refusing to --reset outside demo mode without --yes');
    const db = await openDb(config);
    try {
      if (opts.reset) {
        out('dropping all data …');
        await dropSchema(db);
      }
      await migrate(db);
      if (!(await isDatabaseEmpty(db))) {
        out('the database already holds data; use --reset to rebuild it');
        return;
      }
      const started = Date.now();
      const s = await seedDemo(db, { demoMode: config.demoMode, progress: out });
      out(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s; accounts: ${s.users.join(', ')}${config.demoMode ? ' (password Xiajin@2026)' : ' (no known password: use reset-password)'}`);
    } finally {
      await db.close();
    }
  });

program
  .command('create-admin')
  .description('create a county administrator (and the county root node if the tree is empty)')
  .requiredOption('--username <name>', 'login name')
  .option('--display-name <name>', 'shown name', '县级管理员')
  .option('--password <password>', 'initial password (default: a generated one, printed once)')
  .option('--county-name <name>', 'county name when the tree is empty', '夏津县')
  .option('--county-code <code>', 'county code when the tree is empty', '371427')
  .action(async (opts: { username: string; displayName: string; password?: string; countyName: string; countyCode: string }) => {
    const { password, generated } = checkedPassword(opts.password, opts.username);
    const hash = await hashPassword(password);
    await withDb((db) =>
      db.tx(async (q) => {
        if ((await q.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [opts.username])).length) {
          throw new AppError(409, 'DUPLICATE', `user ${opts.username} already exists`);
        }
        let [root] = await q.query<{ id: number }>('SELECT id FROM nodes WHERE parent_id IS NULL ORDER BY id LIMIT 1');
        if (!root) {
          [root] = await q.query<{ id: number }>("INSERT INTO nodes (kind, name, code) VALUES ('county', $1, $2) RETURNING id", [opts.countyName, opts.countyCode]);
        }
        const [u] = await q.query<{ id: number }>(
          'INSERT INTO users (username, display_name, password_hash, must_change_password) VALUES ($1,$2,$3,true) RETURNING id',
          [opts.username, opts.displayName, hash],
        );
        await q.query("INSERT INTO grants (user_id, role, node_id) VALUES ($1, 'county_admin', $2)", [u!.id, root!.id]);
        await appendAudit(q, { ...cliActor, action: 'user.create', targetType: 'user', targetId: u!.id, nodeId: root!.id, result: 'success', details: { username: opts.username, role: 'county_admin', via: 'cli' } });
      }),
    );
    out(`created county admin ${opts.username}; the password must be changed at first sign-in`);
    if (generated) out(`initial password: ${password}`);
  });

program
  .command('reset-password')
  .description("set a user's password; they must change it at next sign-in")
  .argument('<username>')
  .option('--password <password>', 'new password (default: a generated one, printed once)')
  .action(async (username: string, opts: { password?: string }) => {
    const { password, generated } = checkedPassword(opts.password, username);
    const hash = await hashPassword(password);
    await withDb((db) =>
      db.tx(async (q) => {
        const [u] = await q.query<{ id: number }>(
          `UPDATE users SET password_hash = $2, must_change_password = true, failed_attempts = 0, locked_until = NULL,
                  password_changed_at = now(), updated_at = now() WHERE lower(username) = lower($1) RETURNING id`,
          [username, hash],
        );
        if (!u) throw new AppError(404, 'NOT_FOUND', `no user ${username}`);
        await q.query('DELETE FROM sessions WHERE user_id = $1', [u.id]);
        await appendAudit(q, { ...cliActor, action: 'user.password.reset', targetType: 'user', targetId: u.id, result: 'success', details: { via: 'cli' } });
      }),
    );
    out(`password of ${username} reset; it must be changed at next sign-in`);
    if (generated) out(`new password: ${password}`);
  });

program
  .command('audit:verify')
  .description('check the hash chain of the audit log; exits 1 if any row was altered')
  .action(async () => {
    const result = await withDb((db) => verifyAuditChain(db));
    if (result.ok) out(`audit chain intact: ${result.checked} rows verified`);
    else {
      out(`AUDIT CHAIN BROKEN at row ${result.firstBrokenId} (${result.checked} rows verified before it)`);
      process.exitCode = 1;
    }
  });

program
  .command('open311:key-create')
  .description('create an Open311 API key for a client system (the key is printed once)')
  .argument('<name>', 'the client system, e.g. 县政务服务平台')
  .action(async (name: string) => {
    const parsed = open311KeyCreateSchema.safeParse({ name });
    if (!parsed.success) throw new AppError(400, 'VALIDATION_FAILED', `invalid name: ${parsed.error.issues[0]!.message}`);
    const created = await withDb((db) => new Open311KeysService(db).create(parsed.data, cliOperator));
    out(`created Open311 key #${created.id} (${created.name})`);
    out(`api_key: ${created.key}`);
    out('store it now: only its SHA-256 is kept');
  });

program
  .command('open311:key-revoke')
  .description('revoke an Open311 API key by its id')
  .argument('<id>')
  .action(async (id: string) => {
    if (!/^[1-9][0-9]{0,9}$/.test(id)) throw new AppError(400, 'VALIDATION_FAILED', `invalid key id: ${id}`);
    const revoked = await withDb((db) => new Open311KeysService(db).revoke(Number(id), cliOperator));
    out(`revoked Open311 key #${revoked.id} (${revoked.name})`);
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = err instanceof AppError && err.status < 500 ? 2 : 1;
});
