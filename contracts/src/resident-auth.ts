import { z } from 'zod';
import { MOBILE_PATTERN, RESIDENT_CODE_RULES } from './resident-auth-kinds.js';

/** A mainland mobile number (spaces and dashes ignored). */
export const mobileSchema = z
  .string()
  .trim()
  .max(20)
  .transform((s) => s.replace(/[\s-]/g, ''))
  .refine((s) => MOBILE_PATTERN.test(s), { message: '请输入11位手机号' });

export const residentCodeRequestSchema = z.object({ phone: mobileSchema }).strict();
export type ResidentCodeRequest = z.infer<typeof residentCodeRequestSchema>;

/** A code was sent: when it expires and when another may be asked for. */
export const residentCodeSentSchema = z.object({
  phoneMasked: z.string(),
  expiresInSeconds: z.number().int(),
  resendAfterSeconds: z.number().int(),
});
export type ResidentCodeSent = z.infer<typeof residentCodeSentSchema>;

export const residentVerifySchema = z
  .object({
    phone: mobileSchema,
    code: z
      .string()
      .trim()
      .regex(new RegExp(`^\\d{${RESIDENT_CODE_RULES.length}}$`), `验证码为${RESIDENT_CODE_RULES.length}位数字`),
  })
  .strict();
export type ResidentVerify = z.infer<typeof residentVerifySchema>;

export const residentVerifiedSchema = z.object({ phoneMasked: z.string() });

export const residentMeSchema = z.object({ verified: z.literal(true), phoneMasked: z.string(), residentId: z.number().int() });
export type ResidentMeDto = z.infer<typeof residentMeSchema>;

/** Demo mode with the log SMS sender only: the latest code sent to a phone, for browser tests and demonstrations. */
export const smsOutboxQuerySchema = z.object({ phone: mobileSchema }).strict();
export const smsOutboxSchema = z.object({ phoneMasked: z.string(), code: z.string(), sentAt: z.string() });
