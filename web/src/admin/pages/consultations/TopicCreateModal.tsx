/**
 * 新建议题: title, description, place (community or compound), source, who raised it and an
 * optional ticket. Similar open topics of the same community appear as the title is typed.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { TOPIC_LIMITS, TOPIC_SOURCES, isValidPhone } from '@xj/contracts/domain';
import type { SimilarTopicDto, TicketDto, TopicDetailDto, TopicSource } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { useDebounced } from '../../../shared/useDebounced';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { topicPath } from '../../routes';
import { useConsultLabels } from './consultationLabels';
import { TopicStatusTag } from './ConsultTags';

interface Values {
  title: string;
  description: string;
  nodeId: number;
  source: TopicSource;
  raisedByName?: string;
  raisedByPhone?: string;
  ticketCode?: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (topic: TopicDetailDto) => void;
}

/** Open topics of the chosen place's community whose titles overlap the typed one. */
function useSimilar(nodeId: number | undefined, title: string | undefined): SimilarTopicDto[] | null {
  const term = useDebounced((title ?? '').trim(), 400);
  const [rows, setRows] = useState<SimilarTopicDto[] | null>(null);
  useEffect(() => {
    if (!nodeId || term.length < 2) {
      setRows(null);
      return;
    }
    const controller = new AbortController();
    api
      .get<{ data: SimilarTopicDto[] }>('/api/consultations/topics/similar', { query: { nodeId, title: term }, signal: controller.signal, silent: true })
      .then((r) => setRows(r.data))
      .catch(() => undefined);
    return () => controller.abort();
  }, [nodeId, term]);
  return rows;
}

const trimmed = (s: string | undefined) => s?.trim() || undefined;

export function TopicCreateModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const labels = useConsultLabels();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nodeId = Form.useWatch('nodeId', form);
  const title = Form.useWatch('title', form);
  const source = Form.useWatch('source', form);
  const similar = useSimilar(open ? nodeId : undefined, title);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  /** The ticket's id from its number: the API takes an id, people know the number. */
  const ticketIdOf = async (code: string): Promise<number | null> => {
    const r = await api.get<{ data: TicketDto[] }>('/api/tickets', { query: { q: code, pageSize: 10 }, silent: true });
    return r.data.find((x) => x.code.toUpperCase() === code.toUpperCase())?.id ?? null;
  };

  const onOk = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const code = trimmed(v.ticketCode);
      let ticketId: number | undefined;
      if (code) {
        const id = await ticketIdOf(code);
        if (id === null) {
          setError(t('consult.create.ticketNotFound', { code }));
          return;
        }
        ticketId = id;
      }
      const body = {
        title: v.title.trim(),
        description: v.description.trim(),
        nodeId: v.nodeId,
        source: v.source,
        ticketId,
        raisedByName: trimmed(v.raisedByName),
        raisedByPhone: trimmed(v.raisedByPhone),
      };
      onCreated(await api.post<TopicDetailDto>('/api/consultations/topics', body, { silent: true }));
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
    } finally {
      setSaving(false);
    }
  };

  const required = (message: string) => [{ required: true, whitespace: true, message }];

  return (
    <Modal
      open={open}
      title={t('consult.create.title')}
      okText={t('consult.create.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void onOk()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark="optional" initialValues={{ source: 'community' }}>
        <Form.Item name="nodeId" label={t('consult.create.node')} rules={[{ required: true, message: t('consult.create.nodeRequired') }]}>
          <NodeTreeSelect deep={false} selectableKinds={['community', 'compound']} placeholder={t('consult.create.nodeRequired')} />
        </Form.Item>
        <Form.Item name="title" label={t('consult.create.titleLabel')} rules={required(t('consult.create.titleRequired'))}>
          <Input maxLength={TOPIC_LIMITS.titleMax} showCount />
        </Form.Item>
        <div className="consult-similar" aria-live="polite">
          {similar === null ? null : similar.length === 0 ? (
            <Alert type="success" showIcon title={t('consult.create.similarNone')} />
          ) : (
            <Alert
              type="warning"
              showIcon
              title={t('consult.create.similarTitle')}
              description={
                <ul>
                  {similar.map((s) => (
                    <li key={s.id}>
                      <Link to={topicPath(s.id)} target="_blank" rel="noreferrer">
                        {s.title}
                      </Link>{' '}
                      <TopicStatusTag status={s.status} /> {s.step ? labels.step(s.step) : ''} · {s.nodeName}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
        </div>
        <Form.Item name="description" label={t('consult.create.descriptionLabel')} rules={required(t('consult.create.descriptionRequired'))}>
          <Input.TextArea rows={4} maxLength={TOPIC_LIMITS.descriptionMax} showCount />
        </Form.Item>
        <Form.Item name="source" label={t('consult.create.source')} rules={[{ required: true, message: t('consult.create.sourceRequired') }]}>
          <Select options={TOPIC_SOURCES.map((s) => ({ value: s, label: labels.source(s) }))} />
        </Form.Item>
        {source === 'ticket' && (
          <Form.Item
            name="ticketCode"
            label={t('consult.create.ticketCode')}
            extra={t('consult.create.ticketCodeHelp')}
            rules={required(t('consult.create.ticketCodeRequired'))}
          >
            <Input maxLength={40} />
          </Form.Item>
        )}
        <Form.Item name="raisedByName" label={t('consult.create.raisedByName')}>
          <Input maxLength={TOPIC_LIMITS.nameMax} />
        </Form.Item>
        <Form.Item
          name="raisedByPhone"
          label={t('consult.create.raisedByPhone')}
          rules={[{ validator: async (_, v?: string) => (!v?.trim() || isValidPhone(v.trim()) ? undefined : Promise.reject(new Error(t('consult.create.phoneInvalid')))) }]}
        >
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
