/** 干部征求意见 menu entries: the organisation department's requests and statistics, the branch secretary's answers. */
import { BarChartOutlined, FileSearchOutlined } from '@ant-design/icons';
import type { Permission } from '@xj/contracts';
import { PATHS } from '../routes';
import type { NavEntry } from './navEntry';

/** Who may open the request list: the department that asks and the branches that answer (the server narrows further). */
export const CADRE_OPINION_READERS: readonly Permission[] = ['cadreOpinions.request', 'cadreOpinions.answer'];

export const CADRE_OPINION_NAV: NavEntry[] = [
  { path: PATHS.cadreOpinions, labelKey: 'cadreOpinions', icon: <FileSearchOutlined />, permission: CADRE_OPINION_READERS },
  { path: PATHS.cadreOpinionStats, labelKey: 'cadreOpinionStats', icon: <BarChartOutlined />, permission: 'cadreOpinions.request' },
];
