/** 保障与创新 menu entries: red stations and service rooms, funding, and the innovation case library. */
import { AccountBookOutlined, BulbOutlined, CoffeeOutlined, FileAddOutlined, HomeOutlined, PayCircleOutlined, PieChartOutlined } from '@ant-design/icons';
import { PATHS } from '../routes';
import type { NavEntry } from './navEntry';

export const SAFEGUARD_NAV: NavEntry[] = [
  { path: PATHS.redStations, labelKey: 'redStations', icon: <CoffeeOutlined />, permission: 'stations.read' },
  { path: PATHS.serviceRooms, labelKey: 'serviceRooms', icon: <HomeOutlined />, permission: 'stations.read' },
  { path: PATHS.fundingBudgets, labelKey: 'fundingBudgets', icon: <AccountBookOutlined />, permission: 'funding.read' },
  { path: PATHS.fundingDisbursements, labelKey: 'fundingDisbursements', icon: <PayCircleOutlined />, permission: 'funding.read' },
  { path: PATHS.fundingReport, labelKey: 'fundingReport', icon: <PieChartOutlined />, permission: 'funding.read' },
  { path: PATHS.innovation, labelKey: 'innovation', icon: <BulbOutlined />, permission: 'innovation.read' },
  { path: PATHS.innovationSubmissions, labelKey: 'innovationSubmissions', icon: <FileAddOutlined />, permission: 'innovation.submit' },
];
