/** 系统管理 · 审计日志: filterable, server-paginated audit rows and the hash-chain check. */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography, type TableProps } from 'antd';
import { ReloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AUDIT_RESULTS, LIMITS } from '@xj/contracts/domain';
import type { AuditRowDto, AuditVerifyDto } from '@xj/contracts';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../components/PageHeader';
import { ToneTag, type Tone } from '../components/ToneTag';

type AuditResult = (typeof AUDIT_RESULTS)[number];

interface Filters {
  actor?: string;
  action?: string;
  targetType?: string;
  result?: AuditResult;
  range?: [Dayjs | null, Dayjs | null] | null;
}

interface ListResponse {
  data: AuditRowDto[];
  pagination: { page: number; pageSize: number; total: number };
}

const RESULT_TONES: Record<AuditResult, Tone> = { success: 'green', failure: 'red', denied: 'gold' };

function toQuery(f: Filters) {
  const [from, to] = f.range ?? [null, null];
  return {
    actor: f.actor?.trim(),
    action: f.action?.trim(),
    targetType: f.targetType?.trim(),
    result: f.result,
    // Whole days in local time, sent with their offset (ISO 8601).
    from: from ? from.startOf('day').format() : undefined,
    to: to ? to.endOf('day').format() : undefined,
  };
}

export default function AuditPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(LIMITS.pageSizeDefault as number);
  const [result, setResult] = useState<ListResponse | null>(null);
  const [loading, setLoading] = useState(true);
  const [verify, setVerify] = useState<AuditVerifyDto | null>(null);
  const [verifying, setVerifying] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setResult(await api.get<ListResponse>('/api/audit', { query: { ...toQuery(filters), page, pageSize } }));
    } catch {
      // shown by the API wrapper
    } finally {
      setLoading(false);
    }
  }, [filters, page, pageSize]);

  useEffect(() => {
    void load();
  }, [load]);

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await api.get<AuditVerifyDto>('/api/audit/verify'));
    } catch {
      setVerify(null);
    } finally {
      setVerifying(false);
    }
  };

  const resultLabel = (r: AuditResult) => t(`audit.results.${r}`);

  const columns: TableProps<AuditRowDto>['columns'] = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 140,
      render: (v: string | null, r) => v ?? (r.actorUserId !== null ? `#${r.actorUserId}` : <Typography.Text type="secondary">{t('audit.anonymous')}</Typography.Text>),
    },
    { title: t('audit.action'), dataIndex: 'action', width: 190, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    {
      title: t('audit.target'),
      key: 'target',
      render: (_, r) => (r.targetType ? `${r.targetType}${r.targetId ? ` #${r.targetId}` : ''}` : '—'),
    },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      width: 100,
      render: (v: AuditResult) => <ToneTag tone={RESULT_TONES[v]}>{resultLabel(v)}</ToneTag>,
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 140, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        extra={
          <Button icon={<SafetyCertificateOutlined />} onClick={() => void runVerify()} loading={verifying}>
            {t('audit.verify')}
          </Button>
        }
      />
      {verify && (
        <Alert
          className="page-alert"
          showIcon
          closable={{ onClose: () => setVerify(null), 'aria-label': t('common.close') }}
          type={verify.ok ? 'success' : 'error'}
          title={verify.ok ? t('audit.verifyOk', { checked: verify.checked }) : t('audit.verifyBroken', { checked: verify.checked, id: verify.firstBrokenId ?? '?' })}
          role="status"
        />
      )}
      <Card>
        <Form<Filters>
          form={form}
          layout="inline"
          className="filter-bar audit-filters"
          role="search"
          aria-label={t('audit.filters')}
          onFinish={(v) => {
            setPage(1);
            setFilters(v);
          }}
        >
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input allowClear maxLength={LIMITS.usernameMax} placeholder={t('audit.actorPlaceholder')} />
          </Form.Item>
          <Form.Item name="action" label={t('audit.action')}>
            <Input allowClear maxLength={60} placeholder={t('audit.actionPlaceholder')} />
          </Form.Item>
          <Form.Item name="targetType" label={t('audit.targetType')}>
            <Input allowClear maxLength={40} placeholder={t('audit.targetTypePlaceholder')} />
          </Form.Item>
          <Form.Item name="result" label={t('audit.result')}>
            <Select<AuditResult>
              allowClear
              className="filter-select"
              placeholder={t('audit.allResults')}
              options={AUDIT_RESULTS.map((r) => ({ value: r, label: resultLabel(r) }))}
            />
          </Form.Item>
          <Form.Item name="range" label={t('audit.range')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} aria-label={t('audit.range')} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setPage(1);
                  setFilters({});
                }}
              >
                {t('common.reset')}
              </Button>
              <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label={t('common.refresh')} />
            </Space>
          </Form.Item>
        </Form>
        <Table<AuditRowDto>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={result?.data ?? []}
          loading={loading}
          scroll={{ x: 900 }}
          expandable={{
            expandedRowRender: (r) => (
              <div className="audit-details">
                <Typography.Text type="secondary">
                  {t('audit.rowMeta', { id: r.id, node: r.nodeId ?? '—' })}
                </Typography.Text>
                <pre className="json-block" tabIndex={0} aria-label={t('audit.details')}>
                  {JSON.stringify(r.details ?? null, null, 2)}
                </pre>
              </div>
            ),
            rowExpandable: () => true,
            columnTitle: <span className="sr-only">{t('audit.details')}</span>,
          }}
          pagination={{
            current: page,
            pageSize,
            total: result?.pagination.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, ps) => {
              setPage(ps !== pageSize ? 1 : p);
              setPageSize(ps);
            },
          }}
        />
      </Card>
    </>
  );
}
