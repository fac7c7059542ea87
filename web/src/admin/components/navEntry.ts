import type { ReactNode } from 'react';
import type { Permission } from '@xj/contracts';
import type { zhCN } from '../../shared/locales/zh-CN';

/** A side-menu entry: its path, its label key under `nav.` and who sees it. */
export interface NavEntry {
  path: string;
  labelKey: Exclude<keyof (typeof zhCN)['nav'], 'modules'>;
  icon: ReactNode;
  /** Who sees the entry: a permission, or any one of several. */
  permission?: Permission | readonly Permission[];
}
