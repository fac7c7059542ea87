/**
 * Saving a new scheme version (ratings.configure), starting from the current one: indicators as a
 * dynamic list, the five sources' weights, the four grades. Both weight sums are shown as they
 * change, and saving is refused until each is exactly 100% (the server refuses too; its message is shown here).
 */
import { useEffect } from 'react';
import { Alert, Button, Checkbox, Col, Divider, Form, Input, InputNumber, Modal, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MISSING_SOURCE_RULE_LABELS, MISSING_SOURCE_RULES, RATING_LIMITS, RATING_SOURCE_LABELS } from '@xj/contracts/domain';
import type { RatingSchemeCreate, RatingSchemeDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { useSubmit } from '../../../shared/useSubmit';
import { ToneTag } from '../../components/ToneTag';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { weightSum } from './ratingFormat';
import { GradeSwatch } from './RatingTags';

interface Props {
  open: boolean;
  current: RatingSchemeDto;
  onClose: () => void;
  onSaved: (s: RatingSchemeDto) => void;
}

function SumLine({ label, sum }: { label: string; sum: number }) {
  const { t } = useTranslation();
  const ok = sum === 100;
  return (
    <div role="status" className="rating-weight-sum">
      <ToneTag tone={ok ? 'green' : 'red'}>{ok ? t('ratings.editor.sumOk', { label, sum }) : t('ratings.editor.sumBad', { label, sum })}</ToneTag>
    </div>
  );
}

export function SchemeEditorModal({ open, current, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { label, options } = useEnumLabels();
  const [form] = Form.useForm<RatingSchemeCreate>();
  const { saving, error, setError, submit } = useSubmit();
  const indicators = Form.useWatch('indicators', form);
  const sources = Form.useWatch('sources', form);
  const grades = Form.useWatch('grades', form);
  const indicatorSum = weightSum(indicators);
  const sourceSum = weightSum(sources);
  const sumsOk = indicatorSum === 100 && sourceSum === 100;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({
      name: current.name,
      indicators: current.indicators.map((i) => ({ ...i })),
      sources: current.sources.map((s) => ({ ...s })),
      grades: current.grades.map((g) => ({ ...g })),
      missingSourceRule: current.missingSourceRule,
      surveyMinAnswers: current.surveyMinAnswers,
      rectificationDays: current.rectificationDays,
      note: current.note,
    });
  }, [open, current, form, setError]);

  const onOk = () =>
    void submit(async () => {
      const v = await form.validateFields();
      if (weightSum(v.indicators) !== 100 || weightSum(v.sources) !== 100) {
        setError(t('ratings.editor.sumsRequired'));
        return;
      }
      const body: RatingSchemeCreate = {
        name: v.name.trim(),
        indicators: v.indicators.map((i) => ({ code: i.code.trim(), name: i.name.trim(), weight: i.weight })),
        sources: v.sources.map((s) => ({ source: s.source, weight: s.weight })),
        grades: v.grades.map((g) => ({ code: g.code.trim(), name: g.name.trim(), colour: g.colour.trim(), min: g.min, low: !!g.low })),
        missingSourceRule: v.missingSourceRule,
        surveyMinAnswers: v.surveyMinAnswers,
        rectificationDays: v.rectificationDays,
        note: (v.note ?? '').trim(),
      };
      onSaved(await api.post<RatingSchemeDto>('/api/property-ratings/schemes', body, { silent: true }));
    });

  const required = { required: true, message: t('ratings.editor.required') };

  return (
    <Modal
      open={open}
      title={t('ratings.editor.title', { version: current.version + 1 })}
      okText={t('ratings.editor.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !sumsOk }}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      width={960}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('ratings.editor.hint')}</Typography.Paragraph>
      <Form<RatingSchemeCreate> form={form} layout="vertical" requiredMark="optional">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('ratings.scheme.name')} rules={[{ ...required, whitespace: true }]}>
              <Input maxLength={RATING_LIMITS.schemeNameMax} showCount />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="missingSourceRule" label={t('ratings.scheme.missingRule')} rules={[required]}>
              <Select options={options(MISSING_SOURCE_RULES, MISSING_SOURCE_RULE_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="surveyMinAnswers" label={t('ratings.scheme.surveyMin')} rules={[required]}>
              <InputNumber min={1} max={RATING_LIMITS.surveyMinAnswersMax} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="rectificationDays" label={t('ratings.scheme.rectificationDays')} rules={[required]}>
              <InputNumber min={1} max={RATING_LIMITS.rectificationDaysMax} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="note" label={t('ratings.scheme.note')}>
              <Input.TextArea rows={2} maxLength={RATING_LIMITS.noteMax} showCount />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('ratings.scheme.sources')}</Divider>
        <Form.List name="sources">
          {(fields) => (
            <Row gutter={16}>
              {fields.map((f) => {
                const source = sources?.[f.name]?.source ?? current.sources[f.name]?.source;
                return (
                  <Col xs={12} md={8} lg={4} key={f.key}>
                    <Form.Item name={[f.name, 'source']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'weight']} label={`${source ? label(RATING_SOURCE_LABELS, source) : ''}（%）`} rules={[required]}>
                      <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                );
              })}
            </Row>
          )}
        </Form.List>
        <SumLine label={t('ratings.scheme.sources')} sum={sourceSum} />

        <Divider titlePlacement="start">{t('ratings.scheme.indicators')}</Divider>
        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" wrap className="rating-indicator-row">
                  <Form.Item
                    name={[f.name, 'name']}
                    label={t('ratings.editor.indicatorName', { n: i + 1 })}
                    rules={[{ ...required, whitespace: true }]}
                  >
                    <Input maxLength={RATING_LIMITS.indicatorNameMax} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'code']}
                    label={t('ratings.editor.indicatorCode', { n: i + 1 })}
                    rules={[required, { pattern: /^[a-z][a-z0-9_]{1,29}$/, message: t('ratings.editor.codePattern') }]}
                  >
                    <Input className="mono" maxLength={30} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} label={t('ratings.editor.indicatorWeight', { n: i + 1 })} rules={[required]}>
                    <InputNumber min={0} max={100} precision={0} style={{ width: 110 }} />
                  </Form.Item>
                  <div style={{ paddingTop: 30 }}>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('ratings.editor.removeIndicator', { n: i + 1 })}
                      disabled={fields.length <= RATING_LIMITS.indicatorsMin}
                      onClick={() => remove(f.name)}
                    />
                  </div>
                </Space>
              ))}
              <div>
                <Button icon={<PlusOutlined />} disabled={fields.length >= RATING_LIMITS.indicatorsMax} onClick={() => add({ code: '', name: '', weight: 0 })}>
                  {t('ratings.editor.addIndicator')}
                </Button>
              </div>
            </>
          )}
        </Form.List>
        <div style={{ marginTop: 8 }}>
          <SumLine label={t('ratings.scheme.indicators')} sum={indicatorSum} />
        </div>

        <Divider titlePlacement="start">{t('ratings.scheme.grades')}</Divider>
        <Typography.Paragraph type="secondary">{t('ratings.editor.gradesHint')}</Typography.Paragraph>
        <Form.List name="grades">
          {(fields) =>
            fields.map((f, i) => (
              <Space key={f.key} align="start" wrap>
                <Form.Item name={[f.name, 'name']} label={t('ratings.editor.gradeName', { n: i + 1 })} rules={[{ ...required, whitespace: true }]}>
                  <Input maxLength={RATING_LIMITS.gradeNameMax} style={{ width: 180 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'code']} label={t('ratings.editor.gradeCode', { n: i + 1 })} rules={[required, { pattern: /^[a-z][a-z0-9_]{1,19}$/, message: t('ratings.editor.codePattern') }]}>
                  <Input className="mono" maxLength={20} style={{ width: 110 }} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'colour']}
                  label={t('ratings.editor.gradeColour', { n: i + 1 })}
                  rules={[required, { pattern: /^#[0-9a-fA-F]{6}$/, message: t('ratings.editor.colourPattern') }]}
                >
                  <Input className="mono" maxLength={7} style={{ width: 130 }} prefix={<GradeSwatch colour={/^#[0-9a-fA-F]{6}$/.test(grades?.[f.name]?.colour ?? '') ? grades![f.name]!.colour : '#ffffff'} />} />
                </Form.Item>
                <Form.Item name={[f.name, 'min']} label={t('ratings.editor.gradeMin', { n: i + 1 })} rules={[required]}>
                  <InputNumber min={0} max={100} precision={2} style={{ width: 110 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'low']} valuePropName="checked" label={t('ratings.editor.gradeLowLabel', { n: i + 1 })}>
                  <Checkbox>{t('ratings.editor.gradeLow')}</Checkbox>
                </Form.Item>
              </Space>
            ))
          }
        </Form.List>
      </Form>
      {!sumsOk && <Alert type="warning" showIcon title={t('ratings.editor.sumsRequired')} style={{ marginTop: 8 }} />}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 8 }} />}
    </Modal>
  );
}
