import { maskPhone, type WorkerSummaryDto } from '@xj/contracts';

/** The columns every module reads to show a worker in a list (phone masked): see WORKER_SUMMARY_COLS. */
export interface WorkerSummaryRow {
  id: number;
  person_id: number;
  name: string;
  phone: string | null;
  community_id: number;
  community_name: string;
  post: WorkerSummaryDto['post'];
  grade: number;
  status: WorkerSummaryDto['status'];
}

/** A worker as the pay, assessment and training pages list them: the phone masked. */
export const workerSummaryDto = (r: WorkerSummaryRow): WorkerSummaryDto => ({
  id: r.id,
  personId: r.person_id,
  name: r.name,
  phone: maskPhone(r.phone),
  communityId: r.community_id,
  communityName: r.community_name,
  post: r.post,
  grade: r.grade,
  status: r.status,
});
