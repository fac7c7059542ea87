/** 物业考核 menu entries: periods and results, scoring, companies' grades, rectifications, stewards' inspections, the scheme. */
import { AuditOutlined, BankOutlined, CarryOutOutlined, EditOutlined, EyeOutlined, SettingOutlined } from '@ant-design/icons';
import { PATHS } from '../routes';
import type { NavEntry } from './navEntry';

export const RATING_NAV: NavEntry[] = [
  { path: PATHS.ratingPeriods, labelKey: 'ratingPeriods', icon: <CarryOutOutlined />, permission: 'ratings.read' },
  { path: PATHS.ratingScoring, labelKey: 'ratingScoring', icon: <EditOutlined />, permission: 'ratings.score' },
  { path: PATHS.ratingCompanies, labelKey: 'ratingCompanies', icon: <BankOutlined />, permission: 'ratings.read' },
  { path: PATHS.ratingRectifications, labelKey: 'ratingRectifications', icon: <AuditOutlined />, permission: 'ratings.read' },
  { path: PATHS.ratingInspections, labelKey: 'ratingInspections', icon: <EyeOutlined />, permission: 'ratings.read' },
  { path: PATHS.ratingSchemes, labelKey: 'ratingSchemes', icon: <SettingOutlined />, permission: 'ratings.read' },
];
