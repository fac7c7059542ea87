/** Picks a registered person by name, phone's last digits or ID number (GET /api/people?q=). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDto } from '@xj/contracts';
import { RemoteSelect, type RemoteSource } from './RemoteSelect';

interface Props {
  value?: number;
  onChange?: (id: number | undefined) => void;
  fallbackLabel?: string;
  id?: string;
}

export function PersonSelect(props: Props) {
  const { t } = useTranslation();
  const source = useMemo<RemoteSource>(
    () => ({
      path: '/api/people',
      placeholder: t('registry.pickPerson'),
      labelOf: (item) => {
        const p = item as unknown as PersonDto;
        return `${p.name} · ${p.nodePathNames.slice(-3).join('')}${p.phone ? ` · ${p.phone}` : ''}`;
      },
    }),
    [t],
  );
  return <RemoteSelect source={source} {...props} />;
}
