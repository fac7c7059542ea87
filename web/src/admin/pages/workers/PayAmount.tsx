/** A whole-yuan amount: plain text, or an integer input while a scheme is being edited. */
import { InputNumber } from 'antd';

interface Props {
  value: number;
  editing: boolean;
  label: string;
  onChange: (n: number) => void;
  max?: number;
}

export function PayAmount({ value, editing, label, onChange, max = 100_000 }: Props) {
  if (!editing) return <>{value.toLocaleString('zh-CN')}</>;
  return <InputNumber size="small" min={0} max={max} precision={0} value={value} aria-label={label} onChange={(v) => onChange(typeof v === 'number' ? v : 0)} style={{ width: 96 }} />;
}
