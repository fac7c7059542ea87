/** Community workers (社区工作者, 三岗十八级), zod-free: posts, grades, education, qualifications, assessment levels, limits. */

/** 三岗: the three post types. */
export const WORKER_POSTS = ['head', 'deputy', 'staff'] as const;
export type WorkerPost = (typeof WORKER_POSTS)[number];
export const WORKER_POST_LABELS: Record<WorkerPost, { zh: string; en: string }> = {
  head: { zh: '正职岗', en: 'Head post' },
  deputy: { zh: '副职岗', en: 'Deputy post' },
  staff: { zh: '社区专职工作者岗', en: 'Staff post' },
};
/** 十八级: grades 1 (entry) to 18. */
export const WORKER_GRADE_MIN = 1;
export const WORKER_GRADE_MAX = 18;

export const WORKER_EDUCATIONS = ['postgraduate', 'bachelor', 'college', 'secondary', 'other'] as const;
export type WorkerEducation = (typeof WORKER_EDUCATIONS)[number];
export const WORKER_EDUCATION_LABELS: Record<WorkerEducation, { zh: string; en: string }> = {
  postgraduate: { zh: '研究生', en: 'Postgraduate' },
  bachelor: { zh: '大学本科', en: "Bachelor's" },
  college: { zh: '大学专科', en: 'College' },
  secondary: { zh: '高中/中专', en: 'Secondary' },
  other: { zh: '其他', en: 'Other' },
};
/** Bachelor's degree or higher (the county counts those earned full-time: 59 of 185). */
export const DEGREE_EDUCATIONS: readonly WorkerEducation[] = ['postgraduate', 'bachelor'];

export const WORKER_QUALIFICATIONS = ['social_worker_assistant', 'social_worker', 'senior_social_worker', 'other'] as const;
export type WorkerQualification = (typeof WORKER_QUALIFICATIONS)[number];
export const WORKER_QUALIFICATION_LABELS: Record<WorkerQualification, { zh: string; en: string }> = {
  social_worker_assistant: { zh: '助理社会工作师', en: 'Assistant social worker' },
  social_worker: { zh: '社会工作师', en: 'Social worker' },
  senior_social_worker: { zh: '高级社会工作师', en: 'Senior social worker' },
  other: { zh: '其他职业资格', en: 'Other qualification' },
};

export const WORKER_STATUSES = ['active', 'left'] as const;
export type WorkerStatus = (typeof WORKER_STATUSES)[number];
export const WORKER_STATUS_LABELS: Record<WorkerStatus, { zh: string; en: string }> = {
  active: { zh: '在岗', en: 'In post' },
  left: { zh: '已离岗', en: 'Left' },
};

export const WORKER_CHANGE_KINDS = ['join', 'post', 'grade', 'promotion', 'transfer', 'leave'] as const;
export type WorkerChangeKind = (typeof WORKER_CHANGE_KINDS)[number];
export const WORKER_CHANGE_KIND_LABELS: Record<WorkerChangeKind, { zh: string; en: string }> = {
  join: { zh: '入职', en: 'Joined' },
  post: { zh: '岗位调整', en: 'Post change' },
  grade: { zh: '等级调整', en: 'Grade change' },
  promotion: { zh: '晋级', en: 'Promotion' },
  transfer: { zh: '调动', en: 'Transfer' },
  leave: { zh: '离岗', en: 'Left' },
};

/** Performance assessment levels (绩效考核结果), best first. */
export const ASSESSMENT_RESULTS = ['excellent', 'competent', 'basically_competent', 'incompetent'] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number];
export const ASSESSMENT_RESULT_LABELS: Record<AssessmentResult, { zh: string; en: string }> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  competent: { zh: '称职', en: 'Competent' },
  basically_competent: { zh: '基本称职', en: 'Basically competent' },
  incompetent: { zh: '不称职', en: 'Incompetent' },
};

/**
 * The level a total earns (documented thresholds): ≥ 90 优秀, ≥ 75 称职, ≥ 60 基本称职, else 不称职.
 * A total exactly on a threshold earns that level. Best first, like ASSESSMENT_RESULTS.
 */
export const ASSESSMENT_THRESHOLDS: readonly { result: AssessmentResult; min: number }[] = [
  { result: 'excellent', min: 90 },
  { result: 'competent', min: 75 },
  { result: 'basically_competent', min: 60 },
  { result: 'incompetent', min: 0 },
];

export const ASSESSMENT_ROUND_KINDS = ['annual', 'half_year', 'quarter'] as const;
export type AssessmentRoundKind = (typeof ASSESSMENT_ROUND_KINDS)[number];
export const ASSESSMENT_ROUND_KIND_LABELS: Record<AssessmentRoundKind, { zh: string; en: string }> = {
  annual: { zh: '年度', en: 'Annual' },
  half_year: { zh: '半年', en: 'Half-year' },
  quarter: { zh: '季度', en: 'Quarter' },
};

export const WORKER_LIMITS = {
  positionMax: 50,
  batchMax: 30,
  majorMax: 50,
  reasonMax: 200,
  commentMax: 500,
  roundNameMax: 50,
  indicatorsMax: 10,
} as const;
