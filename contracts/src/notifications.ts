import { z } from 'zod';
import { listResponse, paginationQuerySchema } from './common.js';
import { NOTIFICATION_KINDS } from './reception-day-kinds.js';

export const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.enum(NOTIFICATION_KINDS),
  ticketId: z.number().int().nullable(),
  ticketCode: z.string().nullable(),
  message: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationDto = z.infer<typeof notificationSchema>;

/** Unread first, newest first; `unread` counts all of the caller's unread notifications. */
export const notificationListSchema = listResponse(notificationSchema).extend({ unread: z.number().int() });
export type NotificationList = z.infer<typeof notificationListSchema>;

export const notificationListQuerySchema = paginationQuerySchema.extend({ unread: z.enum(['true', 'false']).optional() }).strict();
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;
