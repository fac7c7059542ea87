/** 工单 menu entries: the ticket list for everyone who reads tickets, "my tickets" for commissioners. */
import { BarChartOutlined, CalendarOutlined, MobileOutlined, ProfileOutlined } from '@ant-design/icons';
import { PATHS } from '../routes';
import type { NavEntry } from './navEntry';

export const TICKET_NAV: NavEntry[] = [
  { path: PATHS.tickets, labelKey: 'tickets', icon: <ProfileOutlined />, permission: 'tickets.read' },
  // Only commissioners hold tickets.handle: they own tickets (首问负责).
  { path: PATHS.myTickets, labelKey: 'myTickets', icon: <MobileOutlined />, permission: 'tickets.handle' },
  { path: PATHS.ticketRates, labelKey: 'ticketRates', icon: <BarChartOutlined />, permission: 'tickets.read' },
  { path: PATHS.receptionDays, labelKey: 'receptionDays', icon: <CalendarOutlined />, permission: 'tickets.read' },
];
