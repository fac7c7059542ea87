/** The evidence snapshot of a request: what the platform recorded about the cadre in the compound, as of takenAt. */
import type { ReactNode } from 'react';
import { Card, Descriptions, Space, Typography, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  COMMITTEE_POSITION_LABELS,
  DUAL_REGISTRATION_STATUS_LABELS,
  PARTY_MEMBER_MANAGEMENT_LABELS,
  PARTY_MEMBER_STATUS_LABELS,
} from '@xj/contracts/domain';
import type { CadreOpinionEvidence as Evidence } from '@xj/contracts';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { dateTime, hours } from '../volunteers/volunteerFormat';

const day = (v: string | null) => (v ? v.slice(0, 10) : '—');

export function CadreOpinionEvidence({ evidence, extra }: { evidence: Evidence; extra?: ReactNode }) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const { dualRegistration: dual, volunteering, points, consultation, compound } = evidence;

  const roles = [
    ...(compound.steward ? [t('cadreOpinions.steward')] : []),
    ...(compound.ownersCommitteePosition ? [t('cadreOpinions.ownersCommittee', { position: label(COMMITTEE_POSITION_LABELS, compound.ownersCommitteePosition) })] : []),
  ];

  const items: DescriptionsProps['items'] = [
    {
      key: 'dual',
      label: t('cadreOpinions.dualRegistration'),
      children:
        dual.status === 'none' ? (
          t('cadreOpinions.dualStatusNone')
        ) : (
          <Space orientation="vertical" size={0}>
            <strong>{label(DUAL_REGISTRATION_STATUS_LABELS, dual.status)}</strong>
            {dual.compoundName && <span>{t('cadreOpinions.dualAt', { compound: dual.compoundName })}</span>}
            {dual.workplaceName && <span>{t('cadreOpinions.dualWorkplace', { workplace: dual.workplaceName })}</span>}
            {dual.since && <span>{t('cadreOpinions.dualSince', { since: day(dual.since) })}</span>}
          </Space>
        ),
    },
    {
      key: 'volunteering',
      label: t('cadreOpinions.volunteering'),
      children: t('cadreOpinions.volunteeringValue', { since: day(volunteering.since), activities: volunteering.activities, hours: hours(volunteering.hours) }),
    },
    { key: 'points', label: t('cadreOpinions.points'), children: t('cadreOpinions.pointsValue', { balance: points.balance, earned: points.earned }) },
    {
      key: 'consultation',
      label: t('cadreOpinions.consultation'),
      children: consultation.linkedResident ? t('cadreOpinions.consultationValue', consultation) : t('cadreOpinions.consultationUnlinked'),
    },
    { key: 'roles', label: t('cadreOpinions.compoundRoles'), children: roles.length ? roles.join('、') : t('cadreOpinions.noRoles') },
    {
      key: 'party',
      label: t('cadreOpinions.partyMembership'),
      children: compound.partyMember
        ? t('cadreOpinions.partyMemberValue', {
            status: label(PARTY_MEMBER_STATUS_LABELS, compound.partyMember.status),
            management: label(PARTY_MEMBER_MANAGEMENT_LABELS, compound.partyMember.management),
            branch: compound.partyMember.branchName,
          })
        : t('cadreOpinions.notPartyMember'),
    },
  ];

  return (
    <Card
      title={<h2 className="card-title">{t('cadreOpinions.evidence')}</h2>}
      extra={
        <Space>
          <Typography.Text type="secondary">{t('cadreOpinions.evidenceTakenAt', { at: dateTime(evidence.takenAt) })}</Typography.Text>
          {extra}
        </Space>
      }
      data-testid="cadre-opinion-evidence"
    >
      <Descriptions bordered column={1} items={items} />
    </Card>
  );
}
