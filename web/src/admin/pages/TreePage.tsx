/**
 * 智慧党建 · 组织架构: the jurisdiction tree of the user's scope (GET /api/nodes/tree, down to
 * compounds; buildings and stairwells load on expand) with search, and the selected node's
 * details and actions on the right.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type Key, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Card, Col, Empty, Input, Row, Space, Spin, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { NodeDetailDto, NodeDto } from '@xj/contracts';
import { api } from '../../shared/api';
import { ancestorIds, indexNodes, matchesSearch, type ScopeNode } from '../../shared/tree';
import { useScopeTree } from '../../shared/useScopeTree';
import { fetchChildren } from '../../shared/nodeChildren';
import { CompoundKindTag, NodeKindTag } from '../components/NodeKindTag';
import { NodeDetailPanel, type TreeChange } from '../components/NodeDetailPanel';
import { PageHeader } from '../components/PageHeader';
import { ToneTag } from '../components/ToneTag';
import { useSession } from '../session';

/** Kinds whose children are not in /api/nodes/tree and load on expand. */
const LAZY_KINDS = new Set(['compound', 'building']);
function Highlight({ text, term }: { text: string; term: string }) {
  if (!term) return <>{text}</>;
  const i = text.toLowerCase().indexOf(term.toLowerCase());
  if (i < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, i)}
      <mark className="tree-mark">{text.slice(i, i + term.length)}</mark>
      {text.slice(i + term.length)}
    </>
  );
}

export default function TreePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const canWrite = can('nodes.write');
  const tree = useScopeTree();
  const [lazy, setLazy] = useState<Record<number, NodeDto[]>>({});
  const [expanded, setExpanded] = useState<Key[]>([]);
  const [autoExpandParent, setAutoExpandParent] = useState(false);
  const [search, setSearch] = useState('');
  const term = useDeferredValue(search.trim());
  const [params, setParams] = useSearchParams();
  const selectedId = Number(params.get('node')) || null;
  const [version, setVersion] = useState(0);
  const initialised = useRef(false);

  const select = useCallback(
    (id: number | null) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (id === null) next.delete('node');
          else next.set('node', String(id));
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const allNodes = useMemo<ScopeNode[]>(() => {
    const seen = new Map<number, ScopeNode>();
    for (const n of tree.nodes) seen.set(n.id, n);
    for (const kids of Object.values(lazy)) for (const n of kids) if (!seen.has(n.id)) seen.set(n.id, n);
    return [...seen.values()];
  }, [tree.nodes, lazy]);

  const index = useMemo(() => indexNodes(allNodes), [allNodes]);

  // First load: expand the roots, the county and the subdistricts so every community shows.
  useEffect(() => {
    if (initialised.current || tree.loading || tree.nodes.length === 0) return;
    initialised.current = true;
    const keys = new Set<Key>();
    for (const r of index.roots) keys.add(String(r.id));
    for (const n of tree.nodes) if (n.kind === 'county' || n.kind === 'subdistrict') keys.add(String(n.id));
    if (selectedId !== null) for (const a of ancestorIds(index, selectedId)) keys.add(String(a));
    setExpanded([...keys]);
    if (selectedId === null && index.roots[0]) select(index.roots[0].id);
  }, [tree.loading, tree.nodes, index, selectedId, select]);

  const loadChildren = useCallback(async (parentId: number) => {
    const kids = await fetchChildren(parentId);
    setLazy((prev) => ({ ...prev, [parentId]: kids }));
  }, []);

  // ?node=<id> (e.g. a one-click query link): open the branches down to it, loading the
  // buildings and stairwells on the way, and bring it into view.
  const revealed = useRef<number | null>(null);
  const lazyRef = useRef(lazy);
  lazyRef.current = lazy;
  useEffect(() => {
    if (selectedId === null || tree.loading || tree.nodes.length === 0 || revealed.current === selectedId) return;
    const id = selectedId;
    revealed.current = id;
    void (async () => {
      let chain: number[];
      try {
        const detail = await api.get<NodeDetailDto>(`/api/nodes/${id}`, { silent: true });
        chain = detail.ancestors.map((a) => a.id);
        const lazyAncestors = detail.ancestors.filter((a) => LAZY_KINDS.has(a.kind) && lazyRef.current[a.id] === undefined);
        for (const a of lazyAncestors) await loadChildren(a.id).catch(() => undefined);
      } catch {
        return; // the detail panel shows "not found"
      }
      if (revealed.current !== id) return;
      setExpanded((prev) => [...new Set([...prev, ...chain.map(String)])]);
      setTimeout(() => document.querySelector('.node-tree-box .ant-tree-treenode-selected')?.scrollIntoView({ block: 'nearest' }), 100);
    })();
  }, [selectedId, tree.loading, tree.nodes.length, loadChildren]);

  // Search: matches, their ancestors (to reach them) and their subtrees stay visible.
  const { visible, matchCount } = useMemo(() => {
    if (!term) return { visible: null as Set<number> | null, matchCount: 0 };
    const matched = new Set(allNodes.filter((n) => matchesSearch(n, term)).map((n) => n.id));
    const vis = new Set<number>(matched);
    for (const id of matched) for (const a of ancestorIds(index, id)) vis.add(a);
    for (const n of allNodes) if (!vis.has(n.id) && ancestorIds(index, n.id).some((a) => matched.has(a))) vis.add(n.id);
    return { visible: vis, matchCount: matched.size };
  }, [term, allNodes, index]);

  // When the search term changes (only then), open the branches leading to the matches.
  const appliedTerm = useRef('');
  useEffect(() => {
    if (term === appliedTerm.current || tree.loading || allNodes.length === 0) return;
    appliedTerm.current = term;
    if (!term) return;
    const keys = new Set<Key>();
    for (const n of allNodes) {
      if (matchesSearch(n, term)) for (const a of ancestorIds(index, n.id)) keys.add(String(a));
    }
    setExpanded([...keys]);
    setAutoExpandParent(true);
  }, [term, allNodes, index, tree.loading]);

  const treeData = useMemo<TreeDataNode[]>(() => {
    const build = (n: ScopeNode): TreeDataNode | null => {
      if (visible && !visible.has(n.id)) return null;
      const kids = index.children.get(n.id);
      const isLazy = LAZY_KINDS.has(n.kind);
      const loadedKids = isLazy ? lazy[n.id] : undefined;
      const childNodes = (isLazy ? loadedKids : kids)?.map(build).filter((c): c is TreeDataNode => c !== null);
      const title: ReactNode = (
        <span className={n.active ? 'tree-title' : 'tree-title is-inactive'}>
          <span data-kind={n.kind} className="tree-name">
            <Highlight text={n.name} term={term} />
          </span>
          <NodeKindTag kind={n.kind} />
          <CompoundKindTag kind={n.compoundKind} />
          {!n.active && <ToneTag tone="grey" className="kind-tag">{t('common.inactive')}</ToneTag>}
        </span>
      );
      const isLeaf = isLazy ? n.childCount === 0 || (loadedKids !== undefined && loadedKids.length === 0) : !kids?.length && n.childCount === 0;
      return { key: String(n.id), title, isLeaf, children: childNodes && childNodes.length > 0 ? childNodes : isLazy && !loadedKids ? undefined : [] };
    };
    return index.roots.map(build).filter((c): c is TreeDataNode => c !== null);
  }, [index, lazy, visible, term, t]);

  const loadedKeys = useMemo(() => Object.keys(lazy), [lazy]);

  const onChanged = useCallback(
    async (change: TreeChange) => {
      await tree.reload();
      const lazyParents = change.parents.filter((p) => {
        const n = index.byId.get(p);
        return (n && LAZY_KINDS.has(n.kind)) || lazy[p] !== undefined;
      });
      await Promise.all(lazyParents.map((p) => loadChildren(p).catch(() => undefined)));
      if (change.expand?.length) {
        setExpanded((prev) => [...new Set([...prev, ...change.expand!.map(String)])]);
      }
      if (change.select !== undefined) select(change.select);
      setVersion((v) => v + 1);
    },
    [tree, index, lazy, loadChildren, select],
  );

  const refreshAll = async () => {
    const loaded = Object.keys(lazy).map(Number);
    await tree.reload();
    await Promise.all(loaded.map((p) => loadChildren(p).catch(() => undefined)));
    setVersion((v) => v + 1);
  };

  return (
    <>
      <PageHeader
        title={t('tree.title')}
        description={t('tree.description')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void refreshAll()} loading={tree.loading}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} lg={9} xxl={8}>
          <Card className="tree-card" title={<h2 className="card-title">{t('tree.scopeTree')}</h2>} size="small">
            <Space orientation="vertical" size={8} className="full-width">
              <Input.Search
                allowClear
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                placeholder={t('tree.searchPlaceholder')}
                aria-label={t('tree.search')}
                enterButton={false}
              />
              {term && (
                <Typography.Text type="secondary" role="status">
                  {t('tree.matches', { count: matchCount })}
                </Typography.Text>
              )}
              {tree.error && <Alert type="error" showIcon title={t('tree.loadFailed')} />}
              <div data-testid="node-tree" className="node-tree-box">
                {tree.loading && tree.nodes.length === 0 ? (
                  <div className="centered">
                    <Spin />
                  </div>
                ) : treeData.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={term ? t('tree.noMatches') : t('common.noData')} />
                ) : (
                  <Tree
                    aria-label={t('tree.scopeTree')}
                    showLine={{ showLeafIcon: false }}
                    blockNode
                    virtual={false}
                    treeData={treeData}
                    expandedKeys={expanded}
                    autoExpandParent={autoExpandParent}
                    onExpand={(keys) => {
                      setExpanded(keys);
                      setAutoExpandParent(false);
                    }}
                    loadedKeys={loadedKeys}
                    loadData={async (node) => {
                      const id = Number(node.key);
                      const n = index.byId.get(id);
                      if (n && LAZY_KINDS.has(n.kind) && lazy[id] === undefined) await loadChildren(id).catch(() => undefined);
                    }}
                    selectedKeys={selectedId !== null ? [String(selectedId)] : []}
                    onSelect={(keys) => {
                      const k = keys[0];
                      if (k !== undefined) select(Number(k));
                    }}
                  />
                )}
              </div>
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={15} xxl={16}>
          {selectedId !== null ? (
            <NodeDetailPanel
              nodeId={selectedId}
              canWrite={canWrite}
              scopeNodes={tree.nodes}
              version={version}
              onChanged={(c) => void onChanged(c)}
              onSelect={(id) => {
                setExpanded((prev) => [...new Set([...prev, ...ancestorIds(index, id).map(String)])]);
                select(id);
              }}
            />
          ) : (
            <Card>
              <Empty description={t('tree.pickNode')} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
