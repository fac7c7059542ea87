import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema } from './common.js';
import { AUDIT_RESULTS } from './audit-results.js';
import { LIMITS } from './limits.js';

export const auditRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  nodeId: z.number().int().nullable(),
  result: z.enum(AUDIT_RESULTS),
  ip: z.string().nullable(),
  details: z.unknown(),
});
export type AuditRowDto = z.infer<typeof auditRowSchema>;
export const auditListSchema = listResponse(auditRowSchema);

const isoDate = z.string().datetime({ offset: true }).or(z.string().date());

export const auditListQuerySchema = paginationQuerySchema
  .extend({
    actor: z.string().trim().max(LIMITS.usernameMax).optional(),
    action: z.string().trim().max(60).optional(),
    targetType: z.string().trim().max(40).optional(),
    targetId: z.string().trim().max(60).optional(),
    result: z.enum(AUDIT_RESULTS).optional(),
    nodeId: idSchema.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
});
export type AuditVerifyDto = z.infer<typeof auditVerifySchema>;
