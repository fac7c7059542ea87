/** Zod-free values of the innovation case library (创新创效, issue 9 item 4). */

/** draft → submitted → (returned → submitted …) → published; withdrawn ends a draft the unit gives up or a published case the county takes down. */
export const INNOVATION_STATUSES = ['draft', 'submitted', 'returned', 'published', 'withdrawn'] as const;
export type InnovationStatus = (typeof INNOVATION_STATUSES)[number];
export const INNOVATION_STATUS_LABELS: Record<InnovationStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  published: { zh: '已发布', en: 'Published' },
  withdrawn: { zh: '已撤销', en: 'Withdrawn' },
};
/** States in which the unit may still edit the case and its files. */
export const INNOVATION_EDITABLE: readonly InnovationStatus[] = ['draft', 'returned'];

export const INNOVATION_LIMITS = {
  unitMax: 100,
  titleMin: 2,
  titleMax: 100,
  problemMax: 2000,
  methodMax: 4000,
  resultsMax: 2000,
  figuresMax: 10,
  figureLabelMax: 30,
  figureUnitMax: 10,
  tagsMax: 8,
  tagMax: 12,
  noteMax: 500,
  attachmentsMax: 5,
  attachmentBytes: 10 * 1024 * 1024,
  latestMax: 20,
} as const;

/** What the file picker offers (the server checks the bytes). */
export const INNOVATION_ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';
export const innovationAttachmentPath = (id: number): string => `/api/innovation/attachments/${id}`;
