/**
 * Assessment levels in the console: the tag, and the live total and earned level while scoring.
 * The thresholds are the server's (ASSESSMENT_THRESHOLDS); the server's answer is the one kept.
 */
import { ASSESSMENT_RESULT_LABELS, ASSESSMENT_RESULTS, ASSESSMENT_THRESHOLDS } from '@xj/contracts/domain';
import type { AssessmentIndicator, AssessmentResult } from '@xj/contracts';
import { ToneTag, type Tone } from '../../components/ToneTag';
import { useEnumLabels } from '../../registry/useEnumLabel';

const TONES: Record<AssessmentResult, Tone> = { excellent: 'green', competent: 'blue', basically_competent: 'orange', incompetent: 'red' };

/** The weighted total in hundredths (whole weights × whole scores), or null while a score is missing. */
export function totalHundredths(indicators: readonly AssessmentIndicator[], scores: Record<string, number | null | undefined>): number | null {
  let sum = 0;
  for (const i of indicators) {
    const s = scores[i.code];
    if (typeof s !== 'number' || !Number.isInteger(s)) return null;
    sum += i.weight * s;
  }
  return sum;
}

export const earnedLevel = (hundredths: number): AssessmentResult => ASSESSMENT_THRESHOLDS.find((t) => hundredths >= t.min * 100)!.result;
/** The earned level and the ones below it: a scorer may lower, never raise. */
export const allowedLevels = (earned: AssessmentResult): AssessmentResult[] => ASSESSMENT_RESULTS.slice(ASSESSMENT_RESULTS.indexOf(earned));
export const formatTotal = (hundredths: number) => (hundredths / 100).toFixed(2);

export function AssessmentLevelTag({ level, count }: { level: AssessmentResult; count?: number }) {
  const { label } = useEnumLabels();
  return (
    <ToneTag tone={TONES[level]}>
      {label(ASSESSMENT_RESULT_LABELS, level)}
      {count !== undefined ? ` × ${count}` : ''}
    </ToneTag>
  );
}
