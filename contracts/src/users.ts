import { z } from 'zod';
import { idSchema, listResponse, paginationQuerySchema, text } from './common.js';
import { LIMITS } from './limits.js';
import { grantSchema, roleSchema } from './auth.js';

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(LIMITS.usernameMax)
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和连字符');

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(grantSchema),
});
export type UserDto = z.infer<typeof userSchema>;
export const userListSchema = listResponse(userSchema);

export const userListQuerySchema = paginationQuerySchema
  .extend({
    q: z.string().trim().max(LIMITS.searchMax).optional(),
    role: roleSchema.optional(),
  })
  .strict();

export const grantInputSchema = z.object({ role: roleSchema, nodeId: idSchema }).strict();
export type GrantInput = z.infer<typeof grantInputSchema>;

export const userCreateSchema = z
  .object({
    username: usernameSchema,
    displayName: text(LIMITS.displayNameMax),
    password: z.string().min(1).max(LIMITS.passwordMax),
    grants: z.array(grantInputSchema).min(1).max(50),
  })
  .strict();
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z
  .object({
    displayName: text(LIMITS.displayNameMax).optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '至少需要修改一项' });

export const resetPasswordSchema = z.object({ password: z.string().min(1).max(LIMITS.passwordMax) }).strict();
export const grantParamsSchema = z.object({ id: idSchema, grantId: idSchema }).strict();
