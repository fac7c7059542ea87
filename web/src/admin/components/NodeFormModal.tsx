/**
 * Add a child node (POST /api/nodes) or edit one (PATCH /api/nodes/:id: only changed fields).
 * The child kind is fixed by the tree shape: childKindOf(parent.kind).
 */
import { useEffect } from 'react';
import { useSaving } from '../../shared/useSaving';
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMPOUND_KINDS, LIMITS } from '@xj/contracts/domain';
import type { CompoundKind, NodeDetailDto, NodeDto, NodeKind } from '@xj/contracts';
import { api } from '../../shared/api';
import { useLabels } from '../../shared/labels';

interface Values {
  name: string;
  code: string;
  compoundKind?: CompoundKind;
}

export type NodeFormTarget =
  | { mode: 'create'; parent: { id: number; name: string }; kind: NodeKind }
  | { mode: 'edit'; node: NodeDetailDto };

interface Props {
  target: NodeFormTarget | null;
  onClose: () => void;
  onSaved: (node: NodeDto) => void;
}

const CODE_PATTERN = /^[A-Za-z0-9_-]+$/;

export function NodeFormModal({ target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [form] = Form.useForm<Values>();
  const [saving, save] = useSaving();
  const kind: NodeKind | null = target ? (target.mode === 'create' ? target.kind : target.node.kind) : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      form.setFieldsValue({
        name: target.node.name,
        code: target.node.code,
        compoundKind: target.node.compoundKind ?? undefined,
      });
    }
  }, [target, form]);

  const onOk = async () => {
    if (!target || !kind) return;
    const v = await form.validateFields();
    await save(async () => {
      let saved: NodeDto;
      if (target.mode === 'create') {
        saved = await api.post<NodeDto>('/api/nodes', {
          parentId: target.parent.id,
          kind,
          name: v.name.trim(),
          code: v.code.trim(),
          ...(kind === 'compound' && v.compoundKind ? { compoundKind: v.compoundKind } : {}),
        });
      } else {
        const n = target.node;
        const patch: Record<string, string> = {};
        if (v.name.trim() !== n.name) patch.name = v.name.trim();
        if (v.code.trim() !== n.code) patch.code = v.code.trim();
        if (kind === 'compound' && v.compoundKind && v.compoundKind !== n.compoundKind) patch.compoundKind = v.compoundKind;
        if (Object.keys(patch).length === 0) {
          onClose();
          return;
        }
        saved = await api.patch<NodeDto>(`/api/nodes/${n.id}`, patch);
      }
      onSaved(saved);
    });
  };

  const title = !target
    ? ''
    : target.mode === 'create'
      ? t('tree.addChildTitle', { kind: labels.nodeKind(target.kind), parent: target.parent.name })
      : t('tree.editTitle', { name: target.node.name });

  return (
    <Modal
      open={!!target}
      title={title}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      forceRender
    >
      <Form<Values> form={form} layout="vertical" requiredMark="optional" name="node-form">
        <Form.Item name="name" label={t('tree.name')} rules={[{ required: true, whitespace: true, message: t('tree.nameRequired') }]}>
          <Input maxLength={LIMITS.nameMax} showCount />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('tree.code')}
          tooltip={t('tree.codeHelp')}
          rules={[
            { required: true, whitespace: true, message: t('tree.codeRequired') },
            { pattern: CODE_PATTERN, message: t('tree.codePattern') },
          ]}
        >
          <Input maxLength={LIMITS.codeMax} />
        </Form.Item>
        {kind === 'compound' && (
          <Form.Item name="compoundKind" label={t('tree.compoundKind')} rules={[{ required: true, message: t('tree.compoundKindRequired') }]}>
            <Select options={COMPOUND_KINDS.map((k) => ({ value: k, label: labels.compoundKind(k) }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
