import { z } from 'zod';
import { LIMITS } from './limits.js';
import { nodeKindSchema } from './nodes.js';
import { PERMISSIONS, ROLES } from './permissions.js';

export const roleSchema = z.enum(ROLES);
export const permissionSchema = z.enum(PERMISSIONS);

export const loginSchema = z
  .object({
    username: z.string().trim().min(1).max(LIMITS.usernameMax),
    password: z.string().min(1).max(LIMITS.passwordMax),
  })
  .strict();

export const grantSchema = z.object({
  id: z.number().int(),
  role: roleSchema,
  nodeId: z.number().int(),
  nodeName: z.string(),
  nodeKind: nodeKindSchema,
});
export type GrantDto = z.infer<typeof grantSchema>;

export const meSchema = z.object({
  user: z.object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    mustChangePassword: z.boolean(),
  }),
  grants: z.array(grantSchema),
  permissions: z.array(permissionSchema),
  csrfToken: z.string(),
  demoMode: z.boolean(),
});
export type MeDto = z.infer<typeof meSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(LIMITS.passwordMax),
    newPassword: z.string().min(1).max(LIMITS.passwordMax),
  })
  .strict();

/** The configured password policy, so forms can explain it before submitting. */
export const passwordPolicySchema = z.object({ minLength: z.number().int(), minClasses: z.number().int() });
export type PasswordPolicy = z.infer<typeof passwordPolicySchema>;
