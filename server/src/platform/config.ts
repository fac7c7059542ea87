import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** The documented demo secret of the 12345 hotline intake (demo mode only). */
export const DEMO_HOTLINE_SECRET = 'xiajin-hotline-demo';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  PHOTO_DIR: z.string().optional(),
  ATTACHMENT_DIR: z.string().optional(),
  PUBLIC_REPORT_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
  DEMO_MODE: bool.optional(),
  SEED_ON_EMPTY: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(64).default(10),
  PASSWORD_MIN_CLASSES: z.coerce.number().int().min(1).max(4).default(3),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  OPEN311_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: bool.default(false),
  WEB_DIST: z.string().optional(),
  HOTLINE_SECRET: z.string().min(16, '至少 16 个字符').optional(),
  SMS_PROVIDER: z.enum(['log', 'http']).default('log'),
  SMS_HTTP_URL: z.url({ protocol: /^https?$/, message: '应为 http(s) 地址' }).optional(),
  SMS_HTTP_TOKEN: z.string().min(1).optional(),
  SMS_TEMPLATE: z.string().refine((s) => s.includes('{code}'), '须包含 {code}').default('【夏津社区治理】您的验证码是{code}，5分钟内有效，请勿告诉他人。'),
  SMS_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  RESIDENT_CODES_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
  MAP_TILE_URL: z
    .url({ protocol: /^https?$/, message: '应为 http(s) 地址' })
    .refine((u) => ['{z}', '{x}', '{y}'].every((p) => u.includes(p)) && !new URL(u).hostname.includes('{'), '须包含 {z}、{x}、{y} 占位符（主机名中不可含占位符）')
    .optional(),
});

export interface SmsConfig {
  provider: 'log' | 'http';
  /** The provider adapter's endpoint (required for `http`): it receives `{ phone, message }` as JSON. */
  httpUrl: string | null;
  /** Sent as `Authorization: Bearer <token>` when set. */
  httpToken: string | null;
  /** The message, with `{code}` replaced by the code. */
  template: string;
  timeoutMs: number;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Ticket photos, outside the web root: PHOTO_DIR, else <DATA_DIR>/photos. */
  photoDir: string;
  /** Files attached to consultation plan options, outside the web root: ATTACHMENT_DIR, else <DATA_DIR>/attachments. */
  attachmentDir: string;
  /** Residents' reports (POST /api/public/tickets) per client address and hour. */
  publicReportRateLimitPerHour: number;
  /** Demo mode: seeded accounts share the documented demo password and need no forced change. */
  demoMode: boolean;
  seedOnEmpty: boolean;
  logLevel: string;
  passwordPolicy: { minLength: number; minClasses: number };
  login: { maxFailures: number; lockMinutes: number; rateLimitPerMinute: number };
  session: { idleMinutes: number; maxHours: number; cacheSeconds: number };
  /** Open311 GeoReport v2 calls per client address and minute. */
  open311RateLimitPerMinute: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  webDist: string;
  /** The 12345 hotline's shared signing secret; null: the hotline intake answers 503. */
  hotlineSecret: string | null;
  /** How residents' one-time codes are sent: `log` writes them to the server log (development, demo), `http` posts to a provider. */
  sms: SmsConfig;
  /** Verification codes sent per client address and hour (stored, so shared by every app node). */
  residentCodesPerIpPerHour: number;
  /** Map tiles for the cockpit's map view ({z}/{x}/{y} template); null: a schematic tree instead. */
  mapTileUrl: string | null;
  /** NODE_ENV, for start-up warnings. */
  production: boolean;
  version: string;
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Reads configuration from the environment; throws a readable error on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const embedded = !e.DATABASE_URL;
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    // An in-memory database (tests) keeps its photos in the system's temporary directory.
    photoDir: resolve(e.PHOTO_DIR ?? (e.DATA_DIR.startsWith('memory://') ? join(tmpdir(), 'xj-photos') : join(e.DATA_DIR, 'photos'))),
    attachmentDir: resolve(e.ATTACHMENT_DIR ?? (e.DATA_DIR.startsWith('memory://') ? join(tmpdir(), 'xj-attachments') : join(e.DATA_DIR, 'attachments'))),
    publicReportRateLimitPerHour: e.PUBLIC_REPORT_RATE_LIMIT_PER_HOUR,
    demoMode: e.DEMO_MODE ?? embedded,
    seedOnEmpty: e.SEED_ON_EMPTY ?? embedded,
    logLevel: e.LOG_LEVEL,
    passwordPolicy: { minLength: e.PASSWORD_MIN_LENGTH, minClasses: e.PASSWORD_MIN_CLASSES },
    login: { maxFailures: e.LOGIN_MAX_FAILURES, lockMinutes: e.LOGIN_LOCK_MINUTES, rateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE },
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS, cacheSeconds: e.SESSION_CACHE_SECONDS },
    open311RateLimitPerMinute: e.OPEN311_RATE_LIMIT_PER_MINUTE,
    cookieSecure: e.COOKIE_SECURE ?? !embedded,
    trustProxy: e.TRUST_PROXY,
    webDist: resolve(e.WEB_DIST ?? new URL('../../../web/dist', import.meta.url).pathname),
    version: packageVersion(),
    hotlineSecret: e.HOTLINE_SECRET ?? ((e.DEMO_MODE ?? embedded) ? DEMO_HOTLINE_SECRET : null),
    sms: { provider: e.SMS_PROVIDER, httpUrl: e.SMS_HTTP_URL ?? null, httpToken: e.SMS_HTTP_TOKEN ?? null, template: e.SMS_TEMPLATE, timeoutMs: e.SMS_HTTP_TIMEOUT_MS },
    residentCodesPerIpPerHour: e.RESIDENT_CODES_PER_IP_PER_HOUR,
    mapTileUrl: e.MAP_TILE_URL ?? null,
    production: env.NODE_ENV === 'production',
  };
  if (config.sms.provider === 'http' && !config.sms.httpUrl) throw new Error('Invalid configuration:\n  SMS_HTTP_URL: SMS_PROVIDER=http 时必须设置');
  return { ...config, ...overrides };
}
