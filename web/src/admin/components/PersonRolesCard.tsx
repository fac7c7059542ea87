/** A person's role records in the caller's scope (GET /api/people/:id/roles), each linked to its registry page. */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  chinaToday,
  COMMITTEE_POSITION_LABELS,
  DEPUTY_BODY_LABELS,
  DEPUTY_LEVEL_LABELS,
  GIG_WORKER_TYPE_LABELS,
  PARTY_MEMBER_MANAGEMENT_LABELS,
  PARTY_MEMBER_STATUS_LABELS,
  SECRETARY_BACKGROUND_LABELS,
  SOCIAL_ORG_KIND_LABELS,
} from '@xj/contracts/domain';
import type { PersonRoleDto, PersonRoleKind, PersonRolesDto } from '@xj/contracts';
import { api, isApiError } from '../../shared/api';
import { useEnumLabels } from '../registry/useEnumLabel';
import { PATHS } from '../routes';
import { useSession } from '../session';
import { REGISTRY_NAV } from './registryNav';
import { ToneTag } from './ToneTag';

const REGISTRY_OF: Record<PersonRoleKind, string> = {
  party_member: PATHS.partyMembers,
  branch_secretary: PATHS.branchSecretaries,
  steward: PATHS.stewards,
  committee_member: PATHS.ownersCommittees,
  red_shop_keeper: PATHS.redShops,
  social_org_contact: PATHS.socialOrgs,
  gig_worker: PATHS.gigWorkers,
  deputy: PATHS.deputies,
  commissioner: PATHS.commissioners,
};

export function PersonRolesCard({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const e = useEnumLabels();
  const { can } = useSession();
  const [roles, setRoles] = useState<PersonRolesDto | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setRoles(null);
    setError(null);
    api
      .get<PersonRolesDto>(`/api/people/${personId}/roles`, { signal: controller.signal, silent: true })
      .then(setRoles)
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(isApiError(err) ? err.message : t('errors.generic'));
      });
    return () => controller.abort();
  }, [personId, t]);

  const term = (r: { termStart: string; termEnd: string | null; current: boolean }) => {
    const state = r.current ? (
      <ToneTag tone="red">{t('people.roles.current')}</ToneTag>
    ) : r.termStart > chinaToday() ? (
      <ToneTag tone="blue">{t('people.roles.upcoming')}</ToneTag>
    ) : (
      <ToneTag tone="grey">{t('people.roles.past')}</ToneTag>
    );
    return (
      <>
        {t('registry.committees.term')} {r.termStart} ~ {r.termEnd ?? t('people.roles.termOpen')} {state}
      </>
    );
  };

  const detail = (r: PersonRoleDto) => {
    switch (r.kind) {
      case 'party_member':
        return [e.label(PARTY_MEMBER_STATUS_LABELS, r.status), e.label(PARTY_MEMBER_MANAGEMENT_LABELS, r.management), r.branchName, `${t('registry.members.joinedDate')} ${r.joinedDate}`].join(' · ');
      case 'branch_secretary':
        return (
          <>
            {r.branchName} · {e.label(SECRETARY_BACKGROUND_LABELS, r.background)} · {term(r)}
          </>
        );
      case 'steward':
        return [r.stairwells.join('、'), r.qualitySupervisor ? t('people.roles.qualitySupervisor') : null, t('people.roles.since', { date: r.since })].filter(Boolean).join(' · ');
      case 'committee_member':
        return (
          <>
            {e.label(COMMITTEE_POSITION_LABELS, r.position)} · {term(r)}
          </>
        );
      case 'red_shop_keeper':
        return r.shopName;
      case 'social_org_contact':
        return `${r.orgName} · ${e.label(SOCIAL_ORG_KIND_LABELS, r.orgKind)}`;
      case 'gig_worker':
        return [e.label(GIG_WORKER_TYPE_LABELS, r.type), r.platform].filter(Boolean).join(' · ');
      case 'deputy':
        return `${e.label(DEPUTY_LEVEL_LABELS, r.level)} ${e.label(DEPUTY_BODY_LABELS, r.body)}`;
      case 'commissioner':
        return [r.department, r.rank].filter(Boolean).join(' · ');
    }
  };

  const canOpen = (kind: PersonRoleKind) => {
    const permission = REGISTRY_NAV.find((n) => n.path === REGISTRY_OF[kind])?.permission;
    return !permission || can(permission);
  };

  const hiddenMembership = roles && roles.partyMember && !roles.roles.some((r) => r.kind === 'party_member');

  return (
    <Card title={<h2 className="card-title">{t('people.roles.title')}</h2>}>
      {error ? (
        <Alert type="error" showIcon title={error} />
      ) : (
        <>
          {hiddenMembership && <Alert type="info" showIcon title={t('people.roles.partyMemberElsewhere')} className="section-alert" />}
          <Table<PersonRoleDto>
            size="small"
            rowKey={(r) => `${r.kind}-${r.id}`}
            loading={!roles}
            dataSource={roles?.roles ?? []}
            pagination={false}
            locale={{ emptyText: t('people.roles.empty') }}
            scroll={{ x: 720 }}
            columns={[
              { title: t('people.roles.kind'), key: 'kind', width: 150, render: (_, r) => <ToneTag tone="red">{t(`people.roles.kinds.${r.kind}`)}</ToneTag> },
              { title: t('people.roles.node'), dataIndex: 'nodeName', width: 140 },
              { title: t('people.roles.detail'), key: 'detail', render: (_, r) => detail(r) },
              {
                title: t('common.actions'),
                key: 'open',
                width: 110,
                render: (_, r) =>
                  canOpen(r.kind) ? (
                    <Link to={REGISTRY_OF[r.kind]}>{t('people.roles.open')}</Link>
                  ) : (
                    <Typography.Text type="secondary">—</Typography.Text>
                  ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
