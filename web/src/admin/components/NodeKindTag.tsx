/** Small coloured tags for a node's kind and, for compounds, the compound kind. */
import type { CompoundKind, NodeKind } from '@xj/contracts';
import { useLabels } from '../../shared/labels';
import { ToneTag, type Tone } from './ToneTag';

const KIND_TONES: Record<NodeKind, Tone> = {
  county: 'red',
  subdistrict: 'orange',
  community: 'blue',
  compound: 'green',
  building: 'purple',
  stairwell: 'grey',
};

const COMPOUND_TONES: Record<CompoundKind, Tone> = {
  commercial: 'teal',
  work_unit: 'gold',
  three_no: 'magenta',
};

export function NodeKindTag({ kind }: { kind: NodeKind }) {
  const labels = useLabels();
  return (
    <ToneTag tone={KIND_TONES[kind]} className="kind-tag">
      {labels.nodeKind(kind)}
    </ToneTag>
  );
}

export function CompoundKindTag({ kind }: { kind: CompoundKind | null | undefined }) {
  const labels = useLabels();
  if (!kind) return null;
  return (
    <ToneTag tone={COMPOUND_TONES[kind]} className="kind-tag tone-outlined">
      {labels.compoundKind(kind)}
    </ToneTag>
  );
}
