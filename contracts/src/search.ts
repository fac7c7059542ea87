import { z } from 'zod';
import { idSchema } from './common.js';
import { LIMITS } from './limits.js';

export const searchQuerySchema = z
  .object({
    q: z.string().trim().min(1, '请输入要查找的内容').max(LIMITS.searchMax),
    /** Items per group (each group still reports its full total). */
    limit: z.coerce.number().int().min(1).max(50).default(8),
    nodeId: idSchema.optional(),
  })
  .strict();

export const searchItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  subtitle: z.string().nullable(),
  /** Where the record opens in the console. */
  link: z.string(),
});
export type SearchItem = z.infer<typeof searchItemSchema>;

export const searchResultSchema = z.object({
  groups: z.array(z.object({ type: z.string(), label: z.string(), total: z.number().int(), items: z.array(searchItemSchema) })),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
