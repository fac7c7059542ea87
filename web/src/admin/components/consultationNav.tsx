/** 商量议事 menu entries: topics for readers, the agenda scope (七议五不议), the offices registry and the statistics. */
import { BankOutlined, BarChartOutlined, CommentOutlined, OrderedListOutlined } from '@ant-design/icons';
import { PATHS } from '../routes';
import type { NavEntry } from './navEntry';

export const CONSULTATION_NAV: NavEntry[] = [
  { path: PATHS.consultTopics, labelKey: 'consultTopics', icon: <CommentOutlined />, permission: 'consultations.read' },
  { path: PATHS.consultAgenda, labelKey: 'consultAgenda', icon: <OrderedListOutlined />, permission: 'consultations.read' },
  { path: PATHS.consultOffices, labelKey: 'consultOffices', icon: <BankOutlined />, permission: 'consultations.read' },
  { path: PATHS.consultStats, labelKey: 'consultStats', icon: <BarChartOutlined />, permission: 'consultations.read' },
];
