/**
 * 开启考核 (workers.manage): a round at a node for the active workers of its subtree, with its
 * indicators and whole-percent weights; the running sum must reach exactly 100.
 */
import { useEffect } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { ASSESSMENT_ROUND_KIND_LABELS, ASSESSMENT_ROUND_KINDS, WORKER_LIMITS } from '@xj/contracts/domain';
import type { AssessmentIndicator, AssessmentRoundCreate, AssessmentRoundDto, AssessmentRoundKind } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { useEnumLabels } from '../../registry/useEnumLabel';

interface Values {
  nodeId: number;
  name: string;
  year: number;
  kind: AssessmentRoundKind;
  deadline: Dayjs;
  indicators: Partial<AssessmentIndicator>[];
}

const DEFAULT_INDICATORS: AssessmentIndicator[] = [
  { code: 'politics', name: '政治素质', weight: 20 },
  { code: 'ability', name: '业务能力', weight: 20 },
  { code: 'diligence', name: '工作作风', weight: 15 },
  { code: 'performance', name: '工作实绩', weight: 35 },
  { code: 'integrity', name: '廉洁自律', weight: 10 },
];

interface Props {
  open: boolean;
  onClose: () => void;
  onSaved: (r: AssessmentRoundDto) => void;
}

export function AssessmentOpenModal({ open, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, submit } = useSubmit();
  const indicators = Form.useWatch('indicators', form) ?? [];
  const sum = indicators.reduce((a, i) => a + (typeof i?.weight === 'number' ? i.weight : 0), 0);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
  }, [open, form, setError]);

  const onOk = () =>
    void submit(async () => {
      const v = await form.validateFields();
      const body: AssessmentRoundCreate = {
        nodeId: v.nodeId,
        name: v.name.trim(),
        year: v.year,
        kind: v.kind,
        deadline: v.deadline.format('YYYY-MM-DD'),
        indicators: v.indicators.map((i) => ({ code: i.code!.trim(), name: i.name!.trim(), weight: i.weight! })),
      };
      onSaved(await api.post<AssessmentRoundDto>('/api/worker-development/rounds', body, { silent: true }));
    });

  const required = { required: true, message: t('workerDev.common.required') };

  return (
    <Modal
      open={open}
      title={t('workerDev.open.title')}
      okText={t('workerDev.open.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ kind: 'annual', year: new Date().getFullYear(), indicators: DEFAULT_INDICATORS, name: `${new Date().getFullYear()}年度考核` }}
      >
        <Form.Item name="nodeId" label={t('workerDev.open.node')} extra={t('workerDev.open.nodeHint')} rules={[required]}>
          <NodeTreeSelect deep={false} selectableKinds={['county', 'subdistrict', 'community']} placeholder={t('workerDev.open.nodePlaceholder')} />
        </Form.Item>
        <Space wrap size="middle">
          <Form.Item name="name" label={t('workerDev.rounds.name')} rules={[required]}>
            <Input maxLength={WORKER_LIMITS.roundNameMax} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="year" label={t('workerDev.rounds.year')} rules={[required]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="kind" label={t('workerDev.rounds.kind')} rules={[required]}>
            <Select options={options(ASSESSMENT_ROUND_KINDS, ASSESSMENT_ROUND_KIND_LABELS)} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="deadline" label={t('workerDev.rounds.deadline')} rules={[required]}>
            <DatePicker style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <div role="group" aria-labelledby="assessment-indicators-label">
          <Typography.Text strong id="assessment-indicators-label" style={{ display: 'block', marginBottom: 8 }}>
            {t('workerDev.open.indicators')}
          </Typography.Text>
          <Form.List name="indicators">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, n) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'name']} label={t('workerDev.open.indicatorName', { n: n + 1 })} rules={[required]}>
                      <Input maxLength={30} style={{ width: 180 }} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'code']}
                      label={t('workerDev.open.indicatorCode', { n: n + 1 })}
                      rules={[required, { pattern: /^[a-z][a-z0-9_]{1,29}$/, message: t('workerDev.open.codePattern') }]}
                    >
                      <Input maxLength={30} style={{ width: 150 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'weight']} label={t('workerDev.open.indicatorWeight', { n: n + 1 })} rules={[required]}>
                      <InputNumber min={1} max={100} precision={0} suffix="%" style={{ width: 110 }} />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('workerDev.open.removeIndicator', { n: n + 1 })} />
                    )}
                  </Space>
                ))}
                {fields.length < WORKER_LIMITS.indicatorsMax && (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', code: '', weight: undefined })}>
                    {t('workerDev.open.addIndicator')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
          <div role="status" aria-live="polite" style={{ marginTop: 12 }}>
            <Alert type={sum === 100 ? 'success' : 'warning'} showIcon title={t(sum === 100 ? 'workerDev.open.sumOk' : 'workerDev.open.sumOff', { sum })} />
          </div>
        </div>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 8 }} />}
    </Modal>
  );
}
