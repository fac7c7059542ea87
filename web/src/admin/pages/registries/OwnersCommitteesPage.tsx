/** 红色业委会: owners' committees per compound; party members must be more than 60%. */
import { useMemo } from 'react';
import { Table } from 'antd';
import { COMMITTEE_PARTY_SHARE_FLOOR, COMMITTEE_POSITION_LABELS } from '@xj/contracts/domain';
import type { OwnersCommitteeDetailDto, OwnersCommitteeDto } from '@xj/contracts';
import { ToneTag } from '../../components/ToneTag';
import { useRegistryCommon } from '../../registry/common';
import { RegistryPage } from '../../registry/RegistryPage';
import type { RegistrySpec } from '../../registry/types';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { CommitteeMembersInput, membersToApi, type MemberRow } from './CommitteeMembersInput';

type Member = OwnersCommitteeDetailDto['members'][number];

export default function OwnersCommitteesPage() {
  const c = useRegistryCommon();
  const e = useEnumLabels();
  const spec = useMemo<RegistrySpec<OwnersCommitteeDto>>(() => {
    const { t } = c;
    const share = (r: OwnersCommitteeDto) => {
      const low = r.partyShare <= COMMITTEE_PARTY_SHARE_FLOOR;
      const text = `${(r.partyShare * 100).toFixed(1)}%`;
      return low ? (
        <span className="share-low" title={t('registry.committees.shareLow')}>
          {text} <ToneTag tone="red">{t('registry.committees.shareLowTag')}</ToneTag>
        </span>
      ) : (
        text
      );
    };
    return {
      title: t('nav.ownersCommittees'),
      description: t('registry.committees.description'),
      apiPath: '/api/owners-committees',
      excel: { name: 'owners-committees' },
      writePermission: 'people.write',
      loadDetail: true,
      filters: [c.nodeFilter, { key: 'current', kind: 'select', label: t('registry.committees.current'), options: c.boolOptions }],
      columns: [
        { title: t('registry.compound'), dataIndex: 'compoundName', width: 160 },
        { title: t('registry.committees.term'), key: 'term', width: 210, render: (_: unknown, r: OwnersCommitteeDto) => `${r.termStart} ~ ${r.termEnd}` },
        { title: t('registry.committees.electionDate'), dataIndex: 'electionDate', width: 120 },
        { title: t('registry.committees.memberCount'), dataIndex: 'memberCount', width: 90, align: 'right' },
        { title: t('registry.committees.partyMemberCount'), dataIndex: 'partyMemberCount', width: 90, align: 'right' },
        { title: t('registry.committees.partyShare'), key: 'share', width: 150, render: (_: unknown, r: OwnersCommitteeDto) => share(r) },
        { title: t('registry.committees.current'), dataIndex: 'current', width: 90, render: c.yesNo },
      ],
      nameOf: (r) => `${r.compoundName} · ${t('nav.ownersCommittees')}`,
      detailItems: (r) => [
        { key: 'compound', label: t('registry.compound'), children: r.compoundName },
        { key: 'term', label: t('registry.committees.term'), children: `${r.termStart} ~ ${r.termEnd}` },
        { key: 'election', label: t('registry.committees.electionDate'), children: r.electionDate },
        { key: 'share', label: t('registry.committees.partyShare'), children: <>{share(r)}（{r.partyMemberCount} / {r.memberCount}）</> },
      ],
      detailExtra: (r) => {
        const members = (r as OwnersCommitteeDetailDto).members ?? [];
        return (
          <>
            <h2 className="card-title drawer-subtitle">{t('registry.committees.members')}</h2>
            <Table<Member>
              size="small"
              rowKey={(m) => m.person.id}
              dataSource={members}
              pagination={false}
              columns={[
                { title: t('registry.person'), key: 'name', render: (_, m) => m.person.name },
                { title: t('registry.committees.position'), dataIndex: 'position', render: (v: Member['position']) => e.label(COMMITTEE_POSITION_LABELS, v) },
                { title: t('registry.phone'), key: 'phone', render: (_, m) => <span className="mono">{m.person.phone ?? '—'}</span> },
                { title: t('registry.committees.isPartyMember'), dataIndex: 'partyMember', render: c.yesNo },
              ]}
            />
          </>
        );
      },
      form: {
        loadDetail: true,
        fields: [
          { name: 'compoundId', label: t('registry.compound'), kind: 'node', selectableKinds: ['compound'], required: true, createOnly: true },
          { name: 'termStart', label: t('registry.committees.termStart'), kind: 'date', required: true },
          { name: 'termEnd', label: t('registry.committees.termEnd'), kind: 'date', required: true },
          { name: 'electionDate', label: t('registry.committees.electionDate'), kind: 'date', required: true },
          {
            name: 'members',
            label: t('registry.committees.members'),
            kind: 'custom',
            required: true,
            help: t('registry.committees.membersHelp'),
            input: <CommitteeMembersInput />,
            toApi: membersToApi,
            validate: (v) => {
              const rows = (v as MemberRow[] | undefined) ?? [];
              const blank = rows.findIndex((m) => m.personId === undefined);
              if (blank >= 0) return t('registry.committees.pickMemberN', { n: blank + 1 });
              return rows.length < 3 ? t('registry.committees.minMembers') : null;
            },
          },
        ],
        valuesOf: (r) => ({
          termStart: r.termStart,
          termEnd: r.termEnd,
          electionDate: r.electionDate,
          members: ((r as OwnersCommitteeDetailDto).members ?? []).map(
            (m): MemberRow => ({ key: m.person.id, personId: m.person.id, position: m.position, name: m.person.name, partyMember: m.partyMember }),
          ),
        }),
      },
    };
  }, [c, e]);
  return <RegistryPage spec={spec} />;
}
