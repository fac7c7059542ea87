/** 智慧党建 menu entries for the people registry and the role and organisation registries. */
import {
  BankOutlined,
  CarOutlined,
  FlagOutlined,
  HomeOutlined,
  IdcardOutlined,
  ShopOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { PATHS } from '../routes';
import type { NavEntry } from './navEntry';

export const REGISTRY_NAV: NavEntry[] = [
  { path: PATHS.people, labelKey: 'people', icon: <IdcardOutlined />, permission: 'people.read' },
  { path: PATHS.partyMembers, labelKey: 'partyMembers', icon: <FlagOutlined />, permission: 'people.read' },
  { path: PATHS.branchSecretaries, labelKey: 'branchSecretaries', icon: <StarOutlined />, permission: 'people.read' },
  { path: PATHS.stewards, labelKey: 'stewards', icon: <UserOutlined />, permission: 'people.read' },
  { path: PATHS.ownersCommittees, labelKey: 'ownersCommittees', icon: <TeamOutlined />, permission: 'people.read' },
  { path: PATHS.propertyCompanies, labelKey: 'propertyCompanies', icon: <HomeOutlined />, permission: 'orgs.read' },
  { path: PATHS.redShops, labelKey: 'redShops', icon: <ShopOutlined />, permission: 'orgs.read' },
  { path: PATHS.gigWorkers, labelKey: 'gigWorkers', icon: <CarOutlined />, permission: 'people.read' },
  { path: PATHS.commissioners, labelKey: 'commissioners', icon: <SolutionOutlined />, permission: 'people.read' },
  { path: PATHS.deputies, labelKey: 'deputies', icon: <BankOutlined />, permission: 'people.read' },
  { path: PATHS.socialOrgs, labelKey: 'socialOrgs', icon: <UsergroupAddOutlined />, permission: 'orgs.read' },
];
