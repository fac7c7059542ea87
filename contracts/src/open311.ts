import { z } from 'zod';
import { idSchema, text } from './common.js';
import { phoneSchema } from './people.js';
import { TICKET_LIMITS } from './ticket-kinds.js';
import { OPEN311_FORMATS, OPEN311_LIMITS, OPEN311_STATUSES } from './open311-kinds.js';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at /open311/v2/, and the API
 * keys its client systems use. Field names follow the specification (snake_case).
 */

export const open311FormatParamsSchema = z.object({ format: z.enum(OPEN311_FORMATS) }).strict();
export const open311CodeParamsSchema = open311FormatParamsSchema.extend({ code: z.string().max(100) }).strict();
export const open311IdParamsSchema = open311FormatParamsSchema.extend({ id: z.string().max(100) }).strict();
export const open311TokenParamsSchema = open311FormatParamsSchema.extend({ token: z.string().max(100) }).strict();

const optional = (max: number) => z.string().trim().max(max).optional();
/** A comma-delimited list, as the specification writes repeated values. */
const commaList = <T extends z.ZodType<unknown, string>>(item: T, maxItems: number) =>
  z
    .string()
    .max(20_000)
    .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(item).min(1, { message: '列表不能为空' }).max(maxItems, { message: `最多 ${maxItems} 项` }));
const w3cDatetime = z.iso.datetime({ offset: true, message: '时间格式应为 ISO 8601，并带时区，如 2026-01-05T08:15:30+08:00' });

/** Parameters every method accepts: one jurisdiction is served, and GET ignores an api_key. */
const commonQuery = { jurisdiction_id: optional(40), api_key: optional(OPEN311_LIMITS.apiKeyMax) };

export const open311JurisdictionQuerySchema = z.object(commonQuery).strict();

export const open311RequestsQuerySchema = z
  .object({
    ...commonQuery,
    /** Overrides every other filter. */
    service_request_id: commaList(z.string().max(40), OPEN311_LIMITS.maxRequests).optional(),
    service_code: commaList(z.string().max(40), 100).optional(),
    start_date: w3cDatetime.optional(),
    end_date: w3cDatetime.optional(),
    status: commaList(z.enum(OPEN311_STATUSES, { message: 'status 只能是 open 或 closed' }), 2).optional(),
  })
  .strict();
export type Open311RequestsQuery = z.infer<typeof open311RequestsQuerySchema>;

const coordinate = (min: number, max: number) =>
  z
    .union([z.number(), z.string().trim().regex(/^[+-]?\d{1,3}(\.\d{1,15})?$/, { message: '坐标应为十进制度数' }).transform(Number)])
    .pipe(z.number().min(min).max(max));
const attributeValue = z.string().trim().max(OPEN311_LIMITS.attributeMax);

/**
 * POST requests.{format}, after the form body (or a JSON object) was flattened: empty fields
 * are left out, `attribute[CODE]=v` and `attribute[CODE][]=v` gathered under `attribute`.
 * The api_key is checked before this schema.
 */
export const open311RequestCreateSchema = z
  .object({
    api_key: z.string().max(OPEN311_LIMITS.apiKeyMax),
    jurisdiction_id: optional(40),
    service_code: z.string({ message: '缺少 service_code' }).trim().min(1, { message: '缺少 service_code' }).max(40),
    lat: coordinate(-90, 90).optional(),
    long: coordinate(-180, 180).optional(),
    address_string: text(TICKET_LIMITS.addressMax).optional(),
    address_id: text(40).optional(),
    attribute: z.record(z.string().max(40), z.union([attributeValue, z.array(attributeValue).max(50)])).optional(),
    email: z.email({ message: 'email 格式不正确' }).max(OPEN311_LIMITS.emailMax).optional(),
    device_id: text(OPEN311_LIMITS.deviceIdMax).optional(),
    account_id: text(OPEN311_LIMITS.accountIdMax).optional(),
    first_name: text(OPEN311_LIMITS.nameMax).optional(),
    last_name: text(OPEN311_LIMITS.nameMax).optional(),
    phone: phoneSchema.optional(),
    description: text(TICKET_LIMITS.descriptionMax).optional(),
    media_url: z.url({ protocol: /^https?$/, message: 'media_url 须为 http(s) 地址' }).max(OPEN311_LIMITS.mediaUrlMax).optional(),
  })
  .strict()
  .refine((v) => (v.lat === undefined) === (v.long === undefined), { message: 'lat 和 long 须同时提供', path: ['long'] });
export type Open311RequestCreate = z.infer<typeof open311RequestCreateSchema>;

// ── API keys (console and CLI) ───────────────────────────────────────────────

export const open311KeySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The first characters of the key, to recognise it; the key itself is never stored. */
  keyPrefix: z.string(),
  createdBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type Open311KeyDto = z.infer<typeof open311KeySchema>;
export const open311KeyListSchema = z.object({ data: z.array(open311KeySchema) });

export const open311KeyCreateSchema = z.object({ name: text(OPEN311_LIMITS.keyNameMax) }).strict();
export type Open311KeyCreate = z.infer<typeof open311KeyCreateSchema>;

/** The answer to a creation: the only time the plain key is shown. */
export const open311KeyCreatedSchema = open311KeySchema.extend({ key: z.string() });
export type Open311KeyCreatedDto = z.infer<typeof open311KeyCreatedSchema>;

export const open311KeyIdParamsSchema = z.object({ id: idSchema }).strict();
