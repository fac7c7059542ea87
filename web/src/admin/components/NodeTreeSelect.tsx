/**
 * Picks a node of the caller's scope tree. Compounds and buildings open on demand to their
 * buildings and stairwells (people live at stairwells). Any level can be chosen unless
 * `selectableKinds` narrows it.
 */
import { useCallback, useMemo, useState } from 'react';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NodeKind } from '@xj/contracts';
import { fetchChildren } from '../../shared/nodeChildren';
import { useLabels } from '../../shared/labels';
import type { ScopeNode } from '../../shared/tree';
import { useScopeTree } from '../../shared/useScopeTree';

const LAZY_KINDS = new Set<string>(['compound', 'building']);

interface Props {
  value?: number;
  onChange?: (id: number | undefined) => void;
  /** Shown for a value whose node is not loaded yet (e.g. the stairwell of a record being edited). */
  fallbackLabel?: string;
  /** Load buildings and stairwells below compounds. */
  deep?: boolean;
  selectableKinds?: readonly NodeKind[];
  placeholder?: string;
  allowClear?: boolean;
  className?: string;
  id?: string;
  'aria-label'?: string;
}

export function NodeTreeSelect({ value, onChange, fallbackLabel, deep = true, selectableKinds, placeholder, allowClear = true, className, id, ...rest }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const tree = useScopeTree();
  const [extra, setExtra] = useState<ScopeNode[]>([]);

  const nodes = useMemo(() => [...tree.nodes.filter((n) => n.active), ...extra], [tree.nodes, extra]);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);

  const treeData = useMemo(
    () =>
      nodes.map((n) => ({
        id: n.id,
        pId: n.parentId !== null && byId.has(n.parentId) ? n.parentId : 0,
        value: n.id,
        title: `${n.name}（${labels.nodeKind(n.kind)}）`,
        isLeaf: deep ? n.childCount === 0 || n.kind === 'stairwell' : !tree.nodes.some((c) => c.parentId === n.id),
        selectable: !selectableKinds || selectableKinds.includes(n.kind),
      })),
    [nodes, byId, labels, deep, selectableKinds, tree.nodes],
  );

  const loadData = useCallback(
    async (node: { value?: unknown }) => {
      const id = Number(node.value);
      const n = byId.get(id);
      if (!deep || !n || !LAZY_KINDS.has(n.kind) || extra.some((e) => e.parentId === id)) return;
      const kids = await fetchChildren(id, false).catch(() => []);
      setExtra((prev) => [...prev, ...kids.filter((k) => !prev.some((p) => p.id === k.id))]);
    },
    [byId, deep, extra],
  );

  const labelOf = (v: number) => {
    const n = byId.get(v);
    return n ? `${n.name}（${labels.nodeKind(n.kind)}）` : (fallbackLabel ?? String(v));
  };

  return (
    <TreeSelect
      {...rest}
      id={id}
      className={className}
      treeDataSimpleMode
      treeData={treeData}
      loadData={loadData}
      labelInValue
      value={value === undefined || value === null ? undefined : { value, label: labelOf(value) }}
      onChange={(v: { value: number; label?: unknown } | undefined) => onChange?.(v?.value)}
      placeholder={placeholder ?? t('nodePicker.placeholder')}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={tree.loading}
      popupMatchSelectWidth={false}
      notFoundContent={t('common.noData')}
    />
  );
}
