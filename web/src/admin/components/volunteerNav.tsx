/** 志愿服务与积分 menu entries: dual registration, the members who registered, activities, and points. */
import {
  CalendarOutlined,
  CrownOutlined,
  IdcardOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  SolutionOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { PATHS } from '../routes';
import type { NavEntry } from './navEntry';

export const VOLUNTEER_NAV: NavEntry[] = [
  { path: PATHS.volRegistrations, labelKey: 'volRegistrations', icon: <SafetyCertificateOutlined />, permission: 'volunteers.read' },
  { path: PATHS.volWorkplaceOrgs, labelKey: 'volWorkplaceOrgs', icon: <IdcardOutlined />, permission: 'volunteers.read' },
  { path: PATHS.volMembers, labelKey: 'volMembers', icon: <SolutionOutlined />, permission: 'volunteers.read' },
  { path: PATHS.volActivities, labelKey: 'volActivities', icon: <CalendarOutlined />, permission: 'volunteers.read' },
  { path: PATHS.pointRules, labelKey: 'pointRules', icon: <ProfileOutlined />, permission: 'points.read' },
  { path: PATHS.pointLedger, labelKey: 'pointLedger', icon: <CrownOutlined />, permission: 'points.read' },
  { path: PATHS.pointLeaderboard, labelKey: 'pointLeaderboard', icon: <TrophyOutlined />, permission: 'points.read' },
  { path: PATHS.pointRedemptions, labelKey: 'pointRedemptions', icon: <ShopOutlined />, permission: 'points.read' },
];
