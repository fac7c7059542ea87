/** A drawer's contents as a named, focusable region: the drawer body scrolls, and keyboard users must be able to reach it. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function DrawerRegion({ name, children }: { name: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div tabIndex={0} role="region" aria-label={t('ratings.drawerRegion', { name })} style={{ outlineOffset: 4 }}>
      {children}
    </div>
  );
}
