/** 系统管理 · 用户与授权: server-side paginated user list with grants and account actions. */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Dropdown, Input, Select, Space, Table, Tooltip, Typography, type MenuProps, type TableProps } from 'antd';
import { EditOutlined, MoreOutlined, PlusOutlined, ReloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LIMITS, ROLES } from '@xj/contracts/domain';
import type { GrantDto, Role, UserDto } from '@xj/contracts';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useLabels } from '../../shared/labels';
import { useScopeTree } from '../../shared/useScopeTree';
import { GrantAddModal } from '../components/GrantAddModal';
import { PageHeader } from '../components/PageHeader';
import { ToneTag } from '../components/ToneTag';
import { ResetPasswordModal } from '../components/ResetPasswordModal';
import { UserCreateModal } from '../components/UserCreateModal';
import { UserEditModal } from '../components/UserEditModal';
import { useSession } from '../session';

interface ListResponse {
  data: UserDto[];
  pagination: { page: number; pageSize: number; total: number };
}

interface Query {
  q: string;
  role: Role | undefined;
  page: number;
  pageSize: number;
}

export default function UsersPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { can, me } = useSession();
  const canManage = can('users.manage');
  const { modal, message } = App.useApp();
  const scope = useScopeTree(canManage);
  const [query, setQuery] = useState<Query>({ q: '', role: undefined, page: 1, pageSize: LIMITS.pageSizeDefault });
  const [searchText, setSearchText] = useState('');
  const [result, setResult] = useState<ListResponse | null>(null);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserDto | null>(null);
  const [resetting, setResetting] = useState<UserDto | null>(null);
  const [granting, setGranting] = useState<UserDto | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setResult(
        await api.get<ListResponse>('/api/users', {
          query: { q: query.q, role: query.role, page: query.page, pageSize: query.pageSize },
        }),
      );
    } catch {
      // shown by the API wrapper
    } finally {
      setLoading(false);
    }
  }, [query]);

  useEffect(() => {
    void load();
  }, [load]);

  const afterChange = (text: string) => {
    void message.success(text);
    void load();
  };

  const toggleDisabled = (u: UserDto) => {
    const disable = !u.disabled;
    modal.confirm({
      title: disable ? t('users.disableConfirm', { name: u.displayName }) : t('users.enableConfirm', { name: u.displayName }),
      content: disable ? t('users.disableText') : undefined,
      okText: disable ? t('users.disable') : t('users.enable'),
      okButtonProps: { danger: disable },
      cancelText: t('common.cancel'),
      onOk: async () => {
        await api.patch(`/api/users/${u.id}`, { disabled: disable });
        afterChange(disable ? t('users.disabledDone') : t('users.enabledDone'));
      },
    });
  };

  const unlock = async (u: UserDto) => {
    try {
      await api.post(`/api/users/${u.id}/unlock`);
      afterChange(t('users.unlocked'));
    } catch {
      // shown
    }
  };

  const removeGrant = (u: UserDto, g: GrantDto) => {
    modal.confirm({
      title: t('users.removeGrantConfirm', { role: labels.role(g.role), node: g.nodeName, name: u.displayName }),
      okText: t('users.removeGrant'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        await api.del(`/api/users/${u.id}/grants/${g.id}`);
        afterChange(t('users.grantRemoved'));
      },
    });
  };

  const actionItems = (u: UserDto): MenuProps['items'] => [
    { key: 'grant', label: t('users.addGrant') },
    { key: 'reset', label: t('users.resetPassword') },
    ...(u.locked ? [{ key: 'unlock', label: t('users.unlock') }] : []),
    { type: 'divider' as const },
    u.disabled
      ? { key: 'enable', label: t('users.enable') }
      : { key: 'disable', label: t('users.disable'), danger: true, disabled: u.id === me?.user.id },
  ];

  const onAction = (u: UserDto, key: string) => {
    if (key === 'grant') setGranting(u);
    else if (key === 'reset') setResetting(u);
    else if (key === 'unlock') void unlock(u);
    else if (key === 'enable' || key === 'disable') toggleDisabled(u);
  };

  const columns: TableProps<UserDto>['columns'] = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 150,
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 140 },
    {
      title: t('users.grants'),
      dataIndex: 'grants',
      render: (grants: GrantDto[], u) => (
        <div className="tag-list">
          {grants.length === 0 && <Typography.Text type="secondary">{t('users.noGrants')}</Typography.Text>}
          {grants.map((g) => (
            <ToneTag
              key={g.id}
              tone="red"
              closable={canManage}
              closeIcon={canManage ? undefined : false}
              onClose={(e) => {
                e.preventDefault();
                removeGrant(u, g);
              }}
              aria-label={`${labels.role(g.role)} @ ${g.nodeName}`}
            >
              {labels.role(g.role)} @ {g.nodeName}
            </ToneTag>
          ))}
          {canManage && (
            <Tooltip title={t('users.addGrant')}>
              <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => setGranting(u)} aria-label={t('users.addGrantFor', { name: u.displayName })} />
            </Tooltip>
          )}
        </div>
      ),
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 150,
      render: (_, u) => (
        <div className="tag-list">
          {u.disabled && <ToneTag tone="grey">{t('users.statusDisabled')}</ToneTag>}
          {u.locked && <ToneTag tone="red">{t('users.statusLocked')}</ToneTag>}
          {u.mustChangePassword && <ToneTag tone="gold">{t('users.statusMustChange')}</ToneTag>}
          {!u.disabled && !u.locked && !u.mustChangePassword && <ToneTag tone="green">{t('users.statusNormal')}</ToneTag>}
        </div>
      ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (v: string | null) => (v ? formatDateTime(v) : <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            fixed: 'right' as const,
            render: (_: unknown, u: UserDto) => (
              <Space size={0}>
                <Tooltip title={t('common.edit')}>
                  <Button type="text" icon={<EditOutlined />} onClick={() => setEditing(u)} aria-label={t('users.editFor', { name: u.displayName })} />
                </Tooltip>
                <Dropdown menu={{ items: actionItems(u), onClick: ({ key }) => onAction(u, key) }} trigger={['click']}>
                  <Button type="text" icon={<MoreOutlined />} aria-label={t('users.moreFor', { name: u.displayName })} />
                </Dropdown>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        extra={
          canManage && (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
              {t('users.create')}
            </Button>
          )
        }
      />
      <Card>
        <div className="filter-bar" role="search" aria-label={t('users.filters')}>
          <Input.Search
            allowClear
            className="filter-search"
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('users.search')}
            value={searchText}
            maxLength={LIMITS.searchMax}
            onChange={(e) => {
              setSearchText(e.target.value);
              if (!e.target.value) setQuery((q) => ({ ...q, q: '', page: 1 }));
            }}
            onSearch={(v) => setQuery((q) => ({ ...q, q: v.trim(), page: 1 }))}
          />
          <Select<Role>
            allowClear
            className="filter-select"
            aria-label={t('users.role')}
            placeholder={t('users.allRoles')}
            value={query.role}
            onChange={(v) => setQuery((q) => ({ ...q, role: v ?? undefined, page: 1 }))}
            options={ROLES.map((r) => ({ value: r, label: labels.role(r) }))}
            popupMatchSelectWidth={false}
          />
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            {t('common.refresh')}
          </Button>
        </div>
        <Table<UserDto>
          rowKey="id"
          columns={columns}
          dataSource={result?.data ?? []}
          loading={loading}
          scroll={{ x: 960 }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: result?.pagination.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setQuery((q) => ({ ...q, page: pageSize !== q.pageSize ? 1 : page, pageSize })),
          }}
        />
      </Card>

      <UserCreateModal
        open={creating}
        nodes={scope.nodes}
        nodesLoading={scope.loading}
        onClose={() => setCreating(false)}
        onCreated={(u) => {
          setCreating(false);
          afterChange(t('users.created', { name: u.username }));
        }}
      />
      <UserEditModal
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          afterChange(t('common.saved'));
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={() => {
          setResetting(null);
          afterChange(t('users.passwordReset'));
        }}
      />
      <GrantAddModal
        user={granting}
        nodes={scope.nodes}
        nodesLoading={scope.loading}
        onClose={() => setGranting(null)}
        onDone={() => {
          setGranting(null);
          afterChange(t('users.grantAdded'));
        }}
      />
    </>
  );
}
