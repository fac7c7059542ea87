/**
 * Picks several stairwells of the compound chosen in another field of the same form, grouped
 * by building and labelled "building + stairwell". (The form clears the choice when the user
 * picks another compound.)
 */
import { useEffect, useState } from 'react';
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchChildren } from '../../shared/nodeChildren';

interface Props {
  compoundField: string;
  value?: number[];
  onChange?: (ids: number[]) => void;
  id?: string;
}

interface Group {
  label: string;
  title: string;
  options: { value: number; label: string }[];
}

export function StairwellSelect({ compoundField, value, onChange, id }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  // `preserve`: the compound is fixed when editing, so its field is not rendered, only set.
  const compoundId = Form.useWatch<number | undefined>(compoundField, { form, preserve: true });
  const [groups, setGroups] = useState<Group[]>([]);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    setGroups([]);
    setFailed(false);
    if (!compoundId) return;
    let live = true;
    setLoading(true);
    (async () => {
      const buildings = (await fetchChildren(compoundId, false)).filter((b) => b.kind === 'building');
      const stairwells = await Promise.all(buildings.map((b) => fetchChildren(b.id, false)));
      return buildings.map((b, i) => ({
        label: b.name,
        title: b.name,
        options: stairwells[i]!.filter((s) => s.kind === 'stairwell').map((s) => ({ value: s.id, label: `${b.name}${s.name}` })),
      }));
    })()
      .then((g) => live && setGroups(g.filter((x) => x.options.length > 0)))
      .catch(() => live && setFailed(true))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [compoundId]);

  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={(v) => onChange?.(v)}
      options={groups}
      loading={loading}
      disabled={!compoundId}
      optionFilterProp="label"
      allowClear
      placeholder={compoundId ? t('registry.stewards.pickStairwells') : t('registry.stewards.pickCompoundFirst')}
      notFoundContent={failed ? t('errors.generic') : t('registry.stewards.noStairwells')}
    />
  );
}
