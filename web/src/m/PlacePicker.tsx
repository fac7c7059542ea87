import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeKind } from '@xj/contracts';
import type { PublicNodeDto } from '@xj/contracts';
import { NODE_KIND_LABELS } from '@xj/contracts/domain';
import { pick } from '../shared/labels';
import { publicApi } from './api';

const LEVELS = ['community', 'compound', 'building', 'stairwell'] as const satisfies readonly NodeKind[];

/**
 * Cascading selects community → compound → building → stairwell; each level is optional below
 * the community. Reports the deepest node chosen.
 */
export function PlacePicker({ onChange, invalid, depth = 4, legend, requiredText }: { onChange: (nodeId: number | null) => void; invalid: boolean; depth?: number; legend?: string; requiredText?: string }) {
  const { t, i18n } = useTranslation();
  const levels = LEVELS.slice(0, depth);
  const [chosen, setChosen] = useState<(number | null)[]>([null, null, null, null]);
  const [options, setOptions] = useState<PublicNodeDto[][]>([[], [], [], []]);

  const load = async (level: number, parentId: number | null) => {
    const url = parentId === null ? '/api/public/nodes' : `/api/public/nodes?parentId=${parentId}`;
    const { data } = await publicApi.get<{ data: PublicNodeDto[] }>(url).catch(() => ({ data: [] as PublicNodeDto[] }));
    setOptions((o) => o.map((list, i) => (i === level ? data : i > level ? [] : list)));
  };
  useEffect(() => {
    void load(0, null);
  }, []);

  const choose = (level: number, value: string) => {
    const id = value ? Number(value) : null;
    const next = chosen.map((c, i) => (i === level ? id : i > level ? null : c));
    setChosen(next);
    onChange([...next].reverse().find((c) => c !== null) ?? null);
    if (id !== null && level + 1 < levels.length) void load(level + 1, id);
    else setOptions((o) => o.map((list, i) => (i > level ? [] : list)));
  };

  return (
    <fieldset className="m-field">
      <legend>{legend ?? t('resident.place')}</legend>
      {levels.map((kind, level) => {
        if (level > 0 && options[level]!.length === 0) return null;
        const id = `m-place-${kind}`;
        return (
          <div key={kind} className="m-sub">
            <label htmlFor={id}>{pick(NODE_KIND_LABELS[kind], i18n.language)}</label>
            <select
              id={id}
              value={chosen[level] ?? ''}
              onChange={(e) => choose(level, e.target.value)}
              aria-invalid={level === 0 && invalid ? true : undefined}
              aria-describedby={level === 0 && invalid ? 'm-place-error' : undefined}
            >
              <option value="">{t('resident.choose')}</option>
              {options[level]!.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </select>
          </div>
        );
      })}
      {invalid && (
        <p id="m-place-error" className="m-error" role="alert">
          {requiredText ?? t('resident.placeRequired')}
        </p>
      )}
    </fieldset>
  );
}
