import { useTranslation } from 'react-i18next';

/** A grade's colour as a swatch beside its name (the name carries the meaning; the text keeps its contrast). */
export function GradeBadge({ grade }: { grade: { name: string; colour: string } | null }) {
  const { t } = useTranslation();
  if (!grade) return <span className="m-status">{t('residentProperty.noGrade')}</span>;
  return (
    <span className="m-status" style={{ display: 'inline-flex', alignItems: 'center', gap: 6, border: `2px solid ${grade.colour}`, borderRadius: 12, padding: '0 8px' }} data-testid="grade-badge">
      <span aria-hidden="true" style={{ width: 12, height: 12, borderRadius: 6, background: grade.colour, display: 'inline-block' }} />
      {grade.name}
    </span>
  );
}
