/**
 * The member list of an owners' committee (person + position, rows added and removed), with the
 * party members' share as it stands while editing and a warning when the server would refuse it
 * (60% or less). Whether a newly chosen person is a party member comes from GET /api/people/:id/roles.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Select, Tooltip } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { COMMITTEE_POSITION_LABELS, COMMITTEE_POSITIONS, partyShareOf, partyShareProblem } from '@xj/contracts/domain';
import type { CommitteePosition, PersonRolesDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { ToneTag } from '../../components/ToneTag';
import { PersonSelect } from '../../registry/PersonSelect';
import { useEnumLabels } from '../../registry/useEnumLabel';

export interface MemberRow {
  /** Stable row identity for React (not sent). */
  key: number;
  personId?: number;
  position: CommitteePosition;
  /** Shown until the person select has loaded its own label (existing members). */
  name?: string;
  /** Known for existing members; looked up for new ones. */
  partyMember?: boolean;
}

let nextKey = -1;

/** The request's member list: chosen people with their positions. */
export const membersToApi = (v: unknown) =>
  ((v as MemberRow[] | undefined) ?? []).filter((m) => m.personId !== undefined).map((m) => ({ personId: m.personId!, position: m.position }));

interface Props {
  value?: MemberRow[];
  onChange?: (rows: MemberRow[]) => void;
  id?: string;
}

export function CommitteeMembersInput({ value, onChange, id }: Props) {
  const { t } = useTranslation();
  const e = useEnumLabels();
  const rows = value ?? [];
  const [party, setParty] = useState<Record<number, boolean>>({});

  const wanted = rows.filter((r) => r.personId !== undefined && party[r.personId] === undefined);
  const wantedKey = wanted.map((r) => r.personId).join(',');
  useEffect(() => {
    const known: Record<number, boolean> = {};
    const lookups: number[] = [];
    for (const r of wanted) {
      if (r.partyMember !== undefined) known[r.personId!] = r.partyMember;
      else lookups.push(r.personId!);
    }
    if (Object.keys(known).length) setParty((p) => ({ ...known, ...p }));
    let live = true;
    for (const personId of lookups) {
      api
        .get<PersonRolesDto>(`/api/people/${personId}/roles`, { silent: true })
        .then((r) => live && setParty((p) => ({ ...p, [personId]: r.partyMember })))
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
    // `wantedKey` stands for `wanted`: look up only when the set of unknown people changes.
  }, [wantedKey]);

  const update = (key: number, change: Partial<MemberRow>) => onChange?.(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const chosen = rows.filter((r) => r.personId !== undefined);
  const partyCount = chosen.filter((r) => party[r.personId!]).length;
  const pending = chosen.some((r) => party[r.personId!] === undefined);
  const share = `${(partyShareOf(partyCount, chosen.length) * 100).toFixed(1)}%`;
  const low = chosen.length > 0 && !pending && partyShareProblem(partyCount, chosen.length) !== null;

  return (
    <div id={id} className="member-editor">
      {rows.map((r, i) => (
        <div key={r.key} className="member-row">
          <div className="member-row-person">
            <PersonSelect value={r.personId} fallbackLabel={r.name} onChange={(personId) => update(r.key, { personId, name: undefined, partyMember: undefined })} />
          </div>
          <Select<CommitteePosition>
            className="member-row-position"
            aria-label={t('registry.committees.position')}
            value={r.position}
            onChange={(position) => update(r.key, { position })}
            options={e.options(COMMITTEE_POSITIONS, COMMITTEE_POSITION_LABELS)}
          />
          <span className="member-row-party">
            {r.personId === undefined ? null : party[r.personId] === undefined ? (
              '…'
            ) : party[r.personId] ? (
              <ToneTag tone="red">{t('registry.committees.isPartyMember')}</ToneTag>
            ) : (
              <ToneTag tone="grey">{t('registry.committees.notPartyMember')}</ToneTag>
            )}
          </span>
          <Tooltip title={t('registry.committees.removeMember')}>
            <Button
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('registry.committees.removeMemberN', { n: i + 1 })}
              onClick={() => onChange?.(rows.filter((x) => x.key !== r.key))}
            />
          </Tooltip>
        </div>
      ))}
      <Button type="dashed" block icon={<PlusOutlined />} onClick={() => onChange?.([...rows, { key: nextKey--, position: 'member' }])}>
        {t('registry.committees.addMember')}
      </Button>
      <div className="member-share" role="status">
        {t('registry.committees.partyShare')}：
        <span className={low ? 'share-low' : undefined}>
          {pending ? '…' : share}（{partyCount} / {chosen.length}）
        </span>
      </div>
      {low && <Alert type="warning" showIcon title={t('registry.committees.shareWarning', { share })} />}
    </div>
  );
}
