/**
 * 开启考核 (ratings.manage): a period at a node for the compounds under it — every one with a
 * property contract, or the ones picked here. The period's name and dates follow from kind, year and sequence.
 */
import { useEffect, useMemo } from 'react';
import { Alert, DatePicker, Form, InputNumber, Modal, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { RATING_PERIOD_KIND_LABELS, RATING_PERIOD_KINDS } from '@xj/contracts/domain';
import type { RatingPeriodCreate, RatingPeriodDto, RatingPeriodKind } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { useScopeTree } from '../../../shared/useScopeTree';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { useEnumLabels } from '../../registry/useEnumLabel';

interface Values {
  nodeId: number;
  kind: RatingPeriodKind;
  year: number;
  seq: number;
  deadline: Dayjs;
  pick: boolean;
  compoundIds?: number[];
}

const SEQ_COUNT: Record<RatingPeriodKind, number> = { quarter: 4, half_year: 2, year: 1 };

interface Props {
  open: boolean;
  onClose: () => void;
  onSaved: (p: RatingPeriodDto) => void;
}

export function PeriodOpenModal({ open, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, submit } = useSubmit();
  const tree = useScopeTree(open);
  const kind = Form.useWatch('kind', form) ?? 'quarter';
  const nodeId = Form.useWatch('nodeId', form);
  const pick = Form.useWatch('pick', form);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
  }, [open, form, setError]);

  /** The compounds under the chosen node (or the node itself when it is one). */
  const compounds = useMemo(() => {
    if (!nodeId) return [];
    const under = new Set<number>([nodeId]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const n of tree.nodes) {
        if (n.parentId !== null && under.has(n.parentId) && !under.has(n.id)) {
          under.add(n.id);
          grew = true;
        }
      }
    }
    return tree.nodes.filter((n) => n.kind === 'compound' && n.active && under.has(n.id)).map((n) => ({ value: n.id, label: n.name }));
  }, [nodeId, tree.nodes]);

  const seqLabel = (n: number) => (kind === 'quarter' ? t('ratings.open.seq.quarter', { n }) : kind === 'year' ? t('ratings.open.seq.year') : n === 1 ? t('ratings.open.seq.firstHalf') : t('ratings.open.seq.secondHalf'));
  const seqOptions = Array.from({ length: SEQ_COUNT[kind] }, (_, i) => ({ value: i + 1, label: seqLabel(i + 1) }));

  const onOk = () =>
    void submit(async () => {
      const v = await form.validateFields();
      const body: RatingPeriodCreate = {
        nodeId: v.nodeId,
        kind: v.kind,
        year: v.year,
        seq: v.seq,
        deadline: v.deadline.format('YYYY-MM-DD'),
        ...(v.pick && v.compoundIds?.length ? { compoundIds: v.compoundIds } : {}),
      };
      onSaved(await api.post<RatingPeriodDto>('/api/property-ratings/periods', body, { silent: true }));
    });

  const required = { required: true, message: t('ratings.editor.required') };

  return (
    <Modal
      open={open}
      title={t('ratings.open.title')}
      okText={t('ratings.open.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      width={600}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('ratings.open.hint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ kind: 'quarter', year: new Date().getFullYear(), seq: Math.floor(new Date().getMonth() / 3) + 1, pick: false }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.kind) form.setFieldValue('seq', 1);
          if (changed.nodeId !== undefined) form.setFieldValue('compoundIds', []);
        }}
      >
        <Form.Item name="nodeId" label={t('ratings.open.node')} rules={[required]}>
          <NodeTreeSelect deep={false} selectableKinds={['county', 'subdistrict', 'community']} placeholder={t('ratings.open.nodePlaceholder')} />
        </Form.Item>
        <Form.Item name="kind" label={t('ratings.open.kind')} rules={[required]}>
          <Select options={options(RATING_PERIOD_KINDS, RATING_PERIOD_KIND_LABELS)} />
        </Form.Item>
        <Form.Item name="year" label={t('ratings.open.year')} rules={[required]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="seq" label={t('ratings.open.seqLabel')} rules={[required]}>
          <Select options={seqOptions} />
        </Form.Item>
        <Form.Item name="deadline" label={t('ratings.open.deadline')} extra={t('ratings.open.deadlineHint')} rules={[required]}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="pick" label={t('ratings.open.pick')} valuePropName="checked" extra={t('ratings.open.pickHint')}>
          <Switch />
        </Form.Item>
        {pick && (
          <Form.Item name="compoundIds" label={t('ratings.open.compounds')} rules={[{ required: true, type: 'array', min: 1, message: t('ratings.open.compoundsRequired') }]}>
            <Select mode="multiple" options={compounds} optionFilterProp="label" placeholder={nodeId ? t('ratings.open.compoundsPlaceholder') : t('ratings.open.nodeFirst')} />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
