import { z } from 'zod';
import { idSchema } from './common.js';
import { HEADLINE_FIGURES } from './stats-figures.js';


const figures = z.object(Object.fromEntries(HEADLINE_FIGURES.map((k) => [k, z.number().int()])) as Record<(typeof HEADLINE_FIGURES)[number], z.ZodNumber>);

export const headlineQuerySchema = z.object({ nodeId: idSchema.optional() }).strict();

/** The figures of the one-click query for a subtree, and the same per child for drill-down. */
export const headlineSchema = figures.extend({
  node: z.object({ id: z.number().int(), name: z.string(), kind: z.string() }).nullable(),
  children: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.string(), figures })),
  computedAt: z.string(),
});
export type HeadlineDto = z.infer<typeof headlineSchema>;
