/** Tags of the property-rating pages: a grade with its colour swatch, and status tags in fixed-contrast tones. */
import { Tag } from 'antd';
import { RATING_PERIOD_STATUS_LABELS, RATING_STATUS_LABELS, RECTIFICATION_STATUS_LABELS } from '@xj/contracts/domain';
import type { RatingGrade } from '@xj/contracts';
import { ToneTag, type Tone } from '../../components/ToneTag';
import { useEnumLabels } from '../../registry/useEnumLabel';

type RatingStatus = keyof typeof RATING_STATUS_LABELS;
type PeriodStatus = keyof typeof RATING_PERIOD_STATUS_LABELS;
type RectificationStatus = keyof typeof RECTIFICATION_STATUS_LABELS;

const RATING_TONES: Record<RatingStatus, Tone> = { open: 'blue', closed: 'orange', published: 'green' };
const PERIOD_TONES: Record<PeriodStatus, Tone> = { open: 'blue', closed: 'grey' };
const RECTIFICATION_TONES: Record<RectificationStatus, Tone> = { open: 'red', reported: 'orange', verified: 'green' };

/** The grade's colour as a swatch beside its name (the text stays dark, so it reads on any colour). */
export function GradeSwatch({ colour }: { colour: string }) {
  return (
    <span
      aria-hidden
      style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 3, background: colour, marginInlineEnd: 6, verticalAlign: -1, border: '1px solid rgba(0,0,0,0.15)' }}
    />
  );
}

/** A grade tag; `count` adds "× n" (a period's distribution). */
export function GradeTag({ grade, code, count }: { grade: RatingGrade | undefined; code?: string | null; count?: number }) {
  if (!grade && !code) return <span>—</span>;
  return (
    <Tag className="rating-grade-tag" style={{ color: '#262626', background: '#fff', borderColor: grade?.colour ?? '#d9d9d9' }}>
      {grade && <GradeSwatch colour={grade.colour} />}
      {grade?.name ?? code}
      {count !== undefined && ` × ${count}`}
    </Tag>
  );
}

export function RatingStatusTag({ status }: { status: RatingStatus }) {
  const { label } = useEnumLabels();
  return <ToneTag tone={RATING_TONES[status]}>{label(RATING_STATUS_LABELS, status)}</ToneTag>;
}

export function PeriodStatusTag({ status }: { status: PeriodStatus }) {
  const { label } = useEnumLabels();
  return <ToneTag tone={PERIOD_TONES[status]}>{label(RATING_PERIOD_STATUS_LABELS, status)}</ToneTag>;
}

export function RectificationStatusTag({ status }: { status: RectificationStatus }) {
  const { label } = useEnumLabels();
  return <ToneTag tone={RECTIFICATION_TONES[status]}>{label(RECTIFICATION_STATUS_LABELS, status)}</ToneTag>;
}
