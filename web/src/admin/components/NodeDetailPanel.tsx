/**
 * Details of one node (GET /api/nodes/:id): breadcrumb, attributes, descendant counts,
 * party organisations, and the write actions for users holding 'nodes.write'.
 */
import { useCallback, useEffect, useState } from 'react';
import { App, Badge, Breadcrumb, Button, Card, Descriptions, Empty, Result, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { DragOutlined, EditOutlined, PlusOutlined, PoweroffOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { childKindOf, NODE_KINDS } from '@xj/contracts/domain';
import type { NodeDetailDto, NodeDto } from '@xj/contracts';
import { api, isApiError } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useLabels } from '../../shared/labels';
import type { ScopeNode } from '../../shared/tree';
import { MoveNodeModal } from './MoveNodeModal';
import { NodeFormModal, type NodeFormTarget } from './NodeFormModal';
import { CompoundKindTag, NodeKindTag } from './NodeKindTag';
import { ToneTag } from './ToneTag';

export interface TreeChange {
  /** Parents whose (lazily loaded) children must be reloaded. */
  parents: number[];
  /** Node to select afterwards. */
  select?: number;
  /** Nodes to expand afterwards. */
  expand?: number[];
}

interface Props {
  nodeId: number;
  canWrite: boolean;
  scopeNodes: ScopeNode[];
  /** Bumped by the page when the tree changed elsewhere, to refetch. */
  version: number;
  onChanged: (change: TreeChange) => void;
  onSelect: (id: number) => void;
}

export function NodeDetailPanel({ nodeId, canWrite, scopeNodes, version, onChanged, onSelect }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { modal, message } = App.useApp();
  const [detail, setDetail] = useState<NodeDetailDto | null>(null);
  const [loading, setLoading] = useState(true);
  const [notFound, setNotFound] = useState(false);
  const [formTarget, setFormTarget] = useState<NodeFormTarget | null>(null);
  const [moving, setMoving] = useState<NodeDetailDto | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setNotFound(false);
    try {
      setDetail(await api.get<NodeDetailDto>(`/api/nodes/${nodeId}`, { silent: true }));
    } catch (e) {
      setDetail(null);
      setNotFound(true);
      if (isApiError(e) && e.status !== 404) void message.error(e.message);
    } finally {
      setLoading(false);
    }
  }, [nodeId, message]);

  useEffect(() => {
    void load();
  }, [load, version]);

  if (loading && !detail) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (notFound || !detail) {
    return (
      <Card>
        <Result status="404" title={t('tree.nodeNotFound')} />
      </Card>
    );
  }

  const d = detail;
  const inScope = new Set(scopeNodes.map((n) => n.id));
  const childKind = childKindOf(d.kind);
  const parentId = d.parentId;

  const toggleActive = () => {
    const deactivate = d.active;
    modal.confirm({
      title: deactivate ? t('tree.deactivateConfirmTitle', { name: d.name }) : t('tree.activateConfirmTitle', { name: d.name }),
      content: deactivate ? t('tree.deactivateConfirmText') : t('tree.activateConfirmText'),
      okText: deactivate ? t('tree.deactivate') : t('tree.activate'),
      okButtonProps: { danger: deactivate },
      cancelText: t('common.cancel'),
      onOk: async () => {
        await api.post(`/api/nodes/${d.id}/${deactivate ? 'deactivate' : 'activate'}`);
        void message.success(deactivate ? t('tree.deactivated') : t('tree.activated'));
        onChanged({ parents: parentId !== null ? [parentId] : [], select: d.id });
        void load();
      },
    });
  };

  const onSaved = (saved: NodeDto) => {
    const creating = formTarget?.mode === 'create';
    setFormTarget(null);
    void message.success(creating ? t('tree.created', { name: saved.name }) : t('tree.saved'));
    if (creating) {
      onChanged({ parents: [d.id], expand: [d.id], select: saved.id });
    } else {
      onChanged({ parents: parentId !== null ? [parentId] : [], select: d.id });
      void load();
    }
  };

  const onMoved = (moved: NodeDto, from: number | null) => {
    setMoving(null);
    void message.success(t('tree.moved', { name: moved.name }));
    const parents = [from, moved.parentId].filter((x): x is number => x !== null);
    onChanged({ parents, expand: moved.parentId !== null ? [moved.parentId] : [], select: moved.id });
    void load();
  };

  const countEntries = NODE_KINDS.filter((k) => k in d.descendantCounts);

  const actions = canWrite ? (
    <Space wrap>
      {childKind && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={!d.active}
          onClick={() => setFormTarget({ mode: 'create', parent: { id: d.id, name: d.name }, kind: childKind })}
        >
          {t('tree.addChild', { kind: labels.nodeKind(childKind) })}
        </Button>
      )}
      <Button icon={<EditOutlined />} onClick={() => setFormTarget({ mode: 'edit', node: d })}>
        {t('common.edit')}
      </Button>
      {parentId !== null && d.kind !== 'county' && (
        <Button icon={<DragOutlined />} onClick={() => setMoving(d)}>
          {t('tree.move')}
        </Button>
      )}
      {parentId === null ? null : d.active ? (
        <Button danger icon={<PoweroffOutlined />} onClick={toggleActive}>
          {t('tree.deactivate')}
        </Button>
      ) : (
        <Button icon={<UndoOutlined />} onClick={toggleActive}>
          {t('tree.activate')}
        </Button>
      )}
    </Space>
  ) : null;

  return (
    <div className="node-detail" aria-busy={loading}>
      <Card className="node-detail-card">
        <Breadcrumb
          className="node-breadcrumb"
          items={[
            ...d.ancestors.map((a) => ({
              key: a.id,
              // Ancestors above the user's scope are shown for context but cannot be opened.
              title: inScope.has(a.id) ? (
                <Typography.Link onClick={() => onSelect(a.id)} aria-label={`${labels.nodeKind(a.kind)} ${a.name}`}>
                  {a.name}
                </Typography.Link>
              ) : (
                <span>{a.name}</span>
              ),
            })),
            { key: d.id, title: <span aria-current="page">{d.name}</span> },
          ]}
        />
        <div className="node-detail-head">
          <div>
            <Typography.Title level={2} className="node-detail-title">
              {d.name}
            </Typography.Title>
            <Space size={4} wrap>
              <NodeKindTag kind={d.kind} />
              <CompoundKindTag kind={d.compoundKind} />
              {d.active ? <Badge status="success" text={t('common.active')} /> : <Badge status="default" text={t('common.inactive')} />}
            </Space>
          </div>
          {actions}
        </div>
        <Descriptions
          className="node-descriptions"
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }}
          items={[
            { key: 'code', label: t('tree.code'), children: <Typography.Text code copyable>{d.code}</Typography.Text> },
            { key: 'kind', label: t('tree.kind'), children: labels.nodeKind(d.kind) },
            ...(d.kind === 'compound'
              ? [{ key: 'ck', label: t('tree.compoundKind'), children: labels.compoundKind(d.compoundKind) || '—' }]
              : []),
            { key: 'children', label: t('tree.childCount'), children: d.childCount },
            { key: 'status', label: t('common.status'), children: d.active ? t('common.active') : t('common.inactive') },
            { key: 'created', label: t('common.createdAt'), children: formatDateTime(d.createdAt) },
            { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(d.updatedAt) },
          ]}
        />
      </Card>

      {countEntries.length > 0 && (
        <Card title={<h3 className="card-title">{t('tree.descendants')}</h3>} className="node-detail-card" size="small">
          <div className="descendant-grid">
            {countEntries.map((k) => (
              <Statistic key={k} title={labels.nodeKind(k)} value={d.descendantCounts[k] ?? 0} />
            ))}
          </div>
        </Card>
      )}

      <Card title={<h3 className="card-title">{t('tree.partyOrgs')}</h3>} className="node-detail-card" size="small">
        {d.partyOrgs.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tree.noPartyOrgs')} />
        ) : (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.partyOrgs}
            scroll={{ x: 480 }}
            columns={[
              {
                title: t('tree.partyOrgKind'),
                dataIndex: 'kind',
                width: 160,
                render: (k: string) => <ToneTag tone="red">{labels.partyOrgKind(k)}</ToneTag>,
              },
              { title: t('tree.partyOrgName'), dataIndex: 'name' },
              { title: t('tree.secretary'), dataIndex: 'secretaryName', render: (s: string | null) => s ?? '—' },
            ]}
          />
        )}
      </Card>

      <NodeFormModal target={formTarget} onClose={() => setFormTarget(null)} onSaved={onSaved} />
      <MoveNodeModal node={moving} scopeNodes={scopeNodes} onClose={() => setMoving(null)} onMoved={onMoved} />
    </div>
  );
}
