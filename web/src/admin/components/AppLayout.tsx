/**
 * The console frame after sign-in: header (platform name, user, language, notifications, sign-out),
 * side navigation (a drawer on narrow screens) and the <main> content area.
 */
import { useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Drawer, Grid, Layout, Menu, Space, Tooltip, Typography, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  DashboardOutlined,
  FundProjectionScreenOutlined,
  LogoutOutlined,
  MenuOutlined,
  SearchOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { PATHS } from '../routes';
import type { zhCN } from '../../shared/locales/zh-CN';
import { HeaderSearch } from './HeaderSearch';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import type { NavEntry } from './navEntry';
import { REGISTRY_NAV } from './registryNav';
import { TICKET_NAV } from './ticketNav';
import { CONSULTATION_NAV } from './consultationNav';
import { VOLUNTEER_NAV } from './volunteerNav';
import { CADRE_OPINION_NAV } from './cadreOpinionNav';
import { RATING_NAV } from './ratingNav';
import { WORKER_NAV } from './workerNav';
import { SAFEGUARD_NAV } from './safeguardNav';
import { PartyEmblem } from './PartyEmblem';


interface NavGroup {
  key: string;
  labelKey: keyof (typeof zhCN)['nav']['modules'];
  entries: NavEntry[];
}

/**
 * The platform's seven modules (智慧党建, 智慧大脑, 智慧支部, 智慧支撑, 创新创效, 积分赋能,
 * 12345热线) appear here as their pages become available; empty groups are hidden.
 */
const NAV: NavGroup[] = [
  {
    key: 'brain',
    labelKey: 'brain',
    entries: [
      { path: PATHS.cockpit, labelKey: 'cockpit', icon: <DashboardOutlined />, permission: 'cockpit.read' },
      { path: PATHS.cockpitScreen, labelKey: 'cockpitScreen', icon: <FundProjectionScreenOutlined />, permission: 'cockpit.read' },
      { path: PATHS.search, labelKey: 'search', icon: <SearchOutlined /> },
    ],
  },
  {
    key: 'party',
    labelKey: 'partyBuilding',
    entries: [{ path: PATHS.tree, labelKey: 'tree', icon: <ApartmentOutlined />, permission: 'nodes.read' }, ...REGISTRY_NAV],
  },
  {
    key: 'tickets',
    labelKey: 'tickets',
    entries: TICKET_NAV,
  },
  {
    key: 'consultation',
    labelKey: 'consultation',
    entries: CONSULTATION_NAV,
  },
  {
    key: 'volunteers',
    labelKey: 'volunteers',
    entries: VOLUNTEER_NAV,
  },
  {
    key: 'ratings',
    labelKey: 'ratings',
    entries: RATING_NAV,
  },
  {
    key: 'workers',
    labelKey: 'workers',
    entries: WORKER_NAV,
  },
  {
    key: 'safeguards',
    labelKey: 'safeguards',
    entries: SAFEGUARD_NAV,
  },
  {
    key: 'cadreOpinions',
    labelKey: 'cadreOpinions',
    entries: CADRE_OPINION_NAV,
  },
  {
    key: 'system',
    labelKey: 'system',
    entries: [
      { path: PATHS.users, labelKey: 'users', icon: <TeamOutlined />, permission: 'users.read' },
      { path: PATHS.open311Keys, labelKey: 'open311Keys', icon: <ApiOutlined />, permission: 'open311.manage' },
      { path: PATHS.ticketSettings, labelKey: 'ticketSettings', icon: <SettingOutlined />, permission: 'tickets.configure' },
      { path: PATHS.audit, labelKey: 'audit', icon: <AuditOutlined />, permission: 'audit.read' },
      { path: PATHS.account, labelKey: 'account', icon: <UserOutlined /> },
    ],
  },
];

const SIDER_WIDTH = 224;

export function AppLayout() {
  const { t } = useTranslation();
  const { me, can, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  const items = useMemo<MenuProps['items']>(
    () =>
      NAV.map((group) => ({
        type: 'group' as const,
        key: group.key,
        label: t(`nav.modules.${group.labelKey}`),
        children: group.entries
          .filter((e) => !e.permission || can(e.permission))
          .map((e) => ({ key: e.path, icon: e.icon, label: t(`nav.${e.labelKey}`) })),
      })).filter((g) => g.children.length > 0),
    [t, can],
  );

  const selected = NAV.flatMap((g) => g.entries)
    .filter((e) => location.pathname === e.path || location.pathname.startsWith(`${e.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;

  const menu = (
    <nav aria-label={t('layout.mainNav')}>
      <Menu
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected] : []}
        onClick={({ key }) => {
          setDrawerOpen(false);
          void navigate(key);
        }}
        className="side-menu"
      />
    </nav>
  );

  const onSignOut = async () => {
    setSigningOut(true);
    try {
      await logout();
    } finally {
      setSigningOut(false);
      void navigate(PATHS.login, { replace: true });
    }
  };

  return (
    <Layout className="app-shell">
      <a className="skip-link" href="#main-content">
        {t('layout.skipToContent')}
      </a>
      <Layout.Header className="app-header">
        <Space size={12} className="app-header-brand">
          {!wide && (
            <Button
              type="text"
              className="header-icon-button"
              icon={<MenuOutlined />}
              aria-label={t('layout.openMenu')}
              aria-expanded={drawerOpen}
              onClick={() => setDrawerOpen(true)}
            />
          )}
          <PartyEmblem size={30} />
          <span className="app-title">{screens.md === false ? t('app.shortName') : t('app.name')}</span>
        </Space>
        {screens.md === false ? null : <HeaderSearch />}
        <Space size={wide ? 12 : 4} className="app-header-actions">
          {screens.md === false && (
            <Button
              type="text"
              className="header-icon-button"
              icon={<SearchOutlined />}
              aria-label={t('search.title')}
              onClick={() => void navigate(PATHS.search)}
            />
          )}
          <LanguageSwitch variant="borderless" compact={screens.sm === false} />
          <NotificationBell />
          <Tooltip title={t('nav.account')}>
            <Button
              type="text"
              className="header-user"
              icon={<UserOutlined />}
              onClick={() => void navigate(PATHS.account)}
              aria-label={`${t('nav.account')}: ${me?.user.displayName ?? ''}`}
            >
              {screens.sm === false ? null : me?.user.displayName}
            </Button>
          </Tooltip>
          <Button
            type="text"
            className="header-icon-button"
            icon={<LogoutOutlined />}
            loading={signingOut}
            onClick={() => void onSignOut()}
            aria-label={t('layout.signOut')}
          >
            {wide ? t('layout.signOut') : null}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        {wide ? (
          <Layout.Sider width={SIDER_WIDTH} className="app-sider" theme="light">
            {menu}
          </Layout.Sider>
        ) : (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={SIDER_WIDTH + 40}
            title={t('app.shortName')}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        )}
        <Layout.Content id="main-content" className="app-content" tabIndex={-1}>
          <Outlet />
          <footer className="app-footer">
            <Typography.Text type="secondary">{t('app.footer')}</Typography.Text>
          </footer>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
