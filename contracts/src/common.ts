import { z } from 'zod';
import { LIMITS } from './limits.js';

export const idSchema = z.coerce.number().int().positive().max(2_147_483_647);
export const idParamsSchema = z.object({ id: idSchema }).strict();

export const paginationQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});

export const paginationSchema = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Exact up to 10,000; past that it is 10,000 and `totalCapped` is true ("10,000+"). */
  total: z.number().int(),
  totalCapped: z.boolean(),
});

/** Every list endpoint answers with this shape. */
export function listResponse<T extends z.ZodTypeAny>(item: T) {
  return z.object({ data: z.array(item), pagination: paginationSchema });
}

export const okSchema = z.object({ ok: z.literal(true) });

/** Routes that take no input: no body at all, or an empty JSON object. */
export const emptyBodySchema = z.object({}).strict().nullish();

/** A trimmed, non-empty, bounded text field. */
export function text(max: number) {
  return z.string().trim().min(1).max(max);
}
