/** Small coloured tags for a node's kind and, for compounds, the compound kind. */
import { Tag } from 'antd';
import type { CompoundKind, NodeKind } from '@xj/contracts';
import { useLabels } from '../../shared/labels';

const KIND_COLORS: Record<NodeKind, string> = {
  county: 'red',
  subdistrict: 'volcano',
  community: 'blue',
  compound: 'green',
  building: 'purple',
  stairwell: 'default',
};

const COMPOUND_COLORS: Record<CompoundKind, string> = {
  commercial: 'cyan',
  work_unit: 'gold',
  three_no: 'magenta',
};

export function NodeKindTag({ kind }: { kind: NodeKind }) {
  const labels = useLabels();
  return (
    <Tag color={KIND_COLORS[kind]} className="kind-tag" variant="filled">
      {labels.nodeKind(kind)}
    </Tag>
  );
}

export function CompoundKindTag({ kind }: { kind: CompoundKind | null | undefined }) {
  const labels = useLabels();
  if (!kind) return null;
  return (
    <Tag color={COMPOUND_COLORS[kind]} className="kind-tag" variant="outlined">
      {labels.compoundKind(kind)}
    </Tag>
  );
}
