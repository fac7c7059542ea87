/**
 * Move a node under another parent (POST /api/nodes/:id/move). Candidates are nodes of the
 * parent kind: from the scope tree down to compounds, or (for a stairwell) the buildings of
 * the same compound, loaded on demand.
 */
import { useEffect, useMemo, useState } from 'react';
import { useSaving } from '../../shared/useSaving';
import { Alert, Form, Modal, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NodeDetailDto, NodeDto } from '@xj/contracts';
import { api } from '../../shared/api';
import { useLabels } from '../../shared/labels';
import { buildSelectTree, parentKindOf, type ScopeNode, type SelectTreeNode } from '../../shared/tree';

interface Props {
  node: NodeDetailDto | null;
  scopeNodes: ScopeNode[];
  onClose: () => void;
  onMoved: (node: NodeDto, fromParentId: number | null) => void;
}

export function MoveNodeModal({ node, scopeNodes, onClose, onMoved }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [parentId, setParentId] = useState<number | undefined>();
  const [saving, save] = useSaving();
  const [extraNodes, setExtraNodes] = useState<ScopeNode[]>([]);
  const parentKind = node ? parentKindOf(node.kind) : null;

  useEffect(() => {
    setParentId(undefined);
    setExtraNodes([]);
    if (!node || node.kind !== 'stairwell') return;
    // Stairwells move between buildings of their compound.
    const compound = node.ancestors.find((a) => a.kind === 'compound');
    if (!compound) return;
    let live = true;
    api
      .get<{ data: NodeDto[] }>('/api/nodes', { query: { parentId: compound.id, pageSize: 200 } })
      .then((r) => live && setExtraNodes(r.data))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [node]);

  const treeData = useMemo<SelectTreeNode[]>(() => {
    if (!node || !parentKind) return [];
    const exclude = new Set<number>(node.parentId !== null ? [node.parentId] : []);
    return buildSelectTree([...scopeNodes, ...extraNodes], parentKind, labels.nodeKind, exclude);
  }, [node, parentKind, scopeNodes, extraNodes, labels.nodeKind]);

  const onOk = async () => {
    if (!node || parentId === undefined) return;
    await save(async () => {
      const moved = await api.post<NodeDto>(`/api/nodes/${node.id}/move`, { parentId });
      onMoved(moved, node.parentId);
    });
  };

  const currentParent = node?.ancestors[node.ancestors.length - 1];

  return (
    <Modal
      open={!!node}
      title={node ? t('tree.moveTitle', { name: node.name }) : ''}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('tree.move')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: parentId === undefined }}
      confirmLoading={saving}
      destroyOnHidden
    >
      {node && parentKind && (
        <Form layout="vertical">
          <Alert
            type="info"
            showIcon
            className="form-alert"
            title={t('tree.moveHelp', { kind: labels.nodeKind(parentKind), current: currentParent?.name ?? '—' })}
          />
          <Form.Item label={t('tree.newParent')} htmlFor="move-parent" required>
            <TreeSelect
              id="move-parent"
              treeData={treeData}
              value={parentId}
              onChange={(v: number) => setParentId(v)}
              showSearch={{ treeNodeFilterProp: 'label' }}
              treeDefaultExpandAll
              placeholder={t('tree.pickParent', { kind: labels.nodeKind(parentKind) })}
              popupMatchSelectWidth={false}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
