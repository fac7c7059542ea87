/**
 * Role + node pickers for one grant. The node picker only offers nodes of the kind the
 * role must be granted at (ROLE_NODE_KIND).
 */
import { useMemo } from 'react';
import { Form, Select, TreeSelect, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLE_NODE_KIND, ROLES } from '@xj/contracts/domain';
import type { Role } from '@xj/contracts';
import { useLabels } from '../../shared/labels';
import { buildSelectTree, type ScopeNode } from '../../shared/tree';

interface Props {
  /** Form path prefix, e.g. ['grants', 0] inside a Form.List, or [] at top level. */
  path: (string | number)[];
  /** Same prefix relative to the form root, for watching/resetting. */
  fullPath: (string | number)[];
  form: FormInstance;
  nodes: ScopeNode[];
  loading?: boolean;
  idPrefix: string;
}

export function GrantFields({ path, fullPath, form, nodes, loading, idPrefix }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const role = Form.useWatch([...fullPath, 'role'], form) as Role | undefined;
  const nodeKind = role ? ROLE_NODE_KIND[role] : undefined;
  const treeData = useMemo(() => (nodeKind ? buildSelectTree(nodes, nodeKind, labels.nodeKind) : []), [nodes, nodeKind, labels.nodeKind]);

  return (
    <>
      <Form.Item
        name={[...path, 'role']}
        label={t('users.role')}
        htmlFor={`${idPrefix}-role`}
        rules={[{ required: true, message: t('users.roleRequired') }]}
        className="grant-field"
      >
        <Select
          id={`${idPrefix}-role`}
          placeholder={t('users.pickRole')}
          options={ROLES.map((r) => ({ value: r, label: `${labels.role(r)}（${labels.nodeKind(ROLE_NODE_KIND[r])}）` }))}
          onChange={() => form.setFieldValue([...fullPath, 'nodeId'], undefined)}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <Form.Item
        name={[...path, 'nodeId']}
        label={nodeKind ? t('users.grantNodeOfKind', { kind: labels.nodeKind(nodeKind) }) : t('users.grantNode')}
        htmlFor={`${idPrefix}-node`}
        rules={[{ required: true, message: t('users.nodeRequired') }]}
        className="grant-field grant-field-node"
      >
        <TreeSelect
          id={`${idPrefix}-node`}
          disabled={!role}
          loading={loading}
          treeData={treeData}
          showSearch={{ treeNodeFilterProp: 'label' }}
          placeholder={role ? t('users.pickNode') : t('users.pickRoleFirst')}
          treeDefaultExpandAll={nodeKind !== 'compound'}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
    </>
  );
}
