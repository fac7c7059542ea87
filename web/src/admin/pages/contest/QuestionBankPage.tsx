/** 擂台比武题库: active counts per difficulty, the questions with filters, adding and retiring, Excel import and export. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Space, Table, Tabs, Typography, type TableProps } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { OPTION_LETTERS, QUESTION_DIFFICULTIES, QUESTION_KIND_LABELS, QUESTION_KINDS, type QuestionDto, type QuestionKind, type QuestionListDto } from '@xj/contracts';
import { api, download } from '../../../shared/api';
import { FilterSelect } from '../../components/FilterSelect';
import { ImportPanel } from '../../components/ImportPanel';
import { PageHeader } from '../../components/PageHeader';
import { StatCards } from '../../components/StatCards';
import { ToneTag } from '../../components/ToneTag';
import { PATHS } from '../../routes';
import { QuestionFormModal } from './QuestionFormModal';

const BASE = '/api/secretary-contests/questions';
type State = 'active' | 'retired';

export default function QuestionBankPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [bank, setBank] = useState<QuestionListDto | null>(null);
  const [kind, setKind] = useState<QuestionKind>();
  const [level, setLevel] = useState<number>();
  const [state, setState] = useState<State | undefined>('active');
  const [adding, setAdding] = useState(false);
  const [tab, setTab] = useState('list');
  const load = useCallback(() => {
    api.get<QuestionListDto>(BASE).then(setBank).catch(() => setBank({ data: [], counts: {} }));
  }, []);
  useEffect(load, [load]);

  const rows = useMemo(
    () => (bank?.data ?? []).filter((q) => (!kind || q.kind === kind) && (!level || q.difficulty === level) && (!state || q.active === (state === 'active'))),
    [bank, kind, level, state],
  );

  const retire = (q: QuestionDto) =>
    modal.confirm({
      title: `${t('contest.bank.retire')}：${q.stem}`,
      content: t('contest.bank.retireConfirm'),
      onOk: async () => {
        await api.post<QuestionDto>(`${BASE}/${q.id}/retire`);
        void message.success(t('contest.bank.retired'));
        load();
      },
    });

  const columns: TableProps<QuestionDto>['columns'] = [
    { title: t('contest.bank.kind'), dataIndex: 'kind', width: 80, render: (k: QuestionKind) => QUESTION_KIND_LABELS[k] },
    { title: t('contest.bank.difficulty'), dataIndex: 'difficulty', width: 70 },
    { title: t('contest.bank.stem'), dataIndex: 'stem', render: (s: string) => <Typography.Text style={{ maxWidth: 360, display: 'inline-block' }}>{s}</Typography.Text> },
    {
      title: t('contest.bank.options'),
      key: 'options',
      render: (_: unknown, q) => (
        <Space orientation="vertical" size={0}>
          {q.options.map((o, i) => (
            <span key={i}>{`${OPTION_LETTERS[i]}. ${o}`}</span>
          ))}
        </Space>
      ),
    },
    { title: t('contest.bank.answer'), key: 'answer', width: 70, render: (_: unknown, q) => q.answer.map((i) => OPTION_LETTERS[i]).join('') },
    { title: t('contest.bank.active'), dataIndex: 'active', width: 80, render: (a: boolean) => <ToneTag tone={a ? 'green' : 'grey'}>{a ? t('contest.bank.activeYes') : t('contest.bank.activeNo')}</ToneTag> },
    {
      title: '',
      key: 'actions',
      width: 80,
      render: (_: unknown, q) =>
        q.active && (
          <Button size="small" danger autoInsertSpace={false} onClick={() => retire(q)} aria-label={`${t('contest.bank.retire')} ${q.stem.slice(0, 30)}`}>
            {t('contest.bank.retire')}
          </Button>
        ),
    },
  ];

  const list = (
    <Space orientation="vertical" size={16} className="full-width">
      <StatCards
        testId="contest-bank"
        none="0"
        items={QUESTION_DIFFICULTIES.map((d) => ({ key: `level${d}`, title: t('contest.bank.countTitle', { level: d }), value: bank ? (bank.counts[String(d)] ?? 0) : null, note: t('contest.bank.countNote'), color: '#b7242a' }))}
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <FilterSelect<QuestionKind> label={t('contest.bank.kind')} placeholder={t('contest.bank.allKinds')} value={kind} onChange={setKind} options={QUESTION_KINDS.map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k] }))} />
          <FilterSelect<number> label={t('contest.bank.difficulty')} placeholder={t('contest.bank.allLevels')} value={level} onChange={setLevel} options={QUESTION_DIFFICULTIES.map((d) => ({ value: d, label: t('contest.bank.level', { level: d }) }))} />
          <FilterSelect<State>
            label={t('contest.bank.active')}
            placeholder={t('contest.bank.allStates')}
            value={state}
            onChange={setState}
            options={[{ value: 'active', label: t('contest.bank.activeYes') }, { value: 'retired', label: t('contest.bank.activeNo') }]}
          />
        </Space>
        <Table rowKey="id" size="small" loading={!bank} dataSource={rows} columns={columns} pagination={{ pageSize: 20, showSizeChanger: false }} scroll={{ x: 'max-content' }} />
      </Card>
    </Space>
  );

  return (
    <>
      <PageHeader
        title={t('contest.bank.title')}
        description={t('contest.bank.description')}
        extra={
          <Space wrap>
            <Link to={PATHS.contests}>
              <ArrowLeftOutlined /> {t('contest.title')}
            </Link>
            <Button icon={<DownloadOutlined />} onClick={() => void download(`${BASE}/export`, 'contest-questions.xlsx').catch(() => undefined)}>{t('contest.bank.export')}</Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{t('contest.bank.add')}</Button>
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k);
          if (k === 'list') load();
        }}
        items={[
          { key: 'list', label: t('contest.bank.tabList'), children: list },
          {
            key: 'import',
            label: t('contest.bank.tabImport'),
            children: (
              <Space orientation="vertical" size={16} className="full-width">
                <Typography.Paragraph type="secondary">{t('contest.bank.importHint')}</Typography.Paragraph>
                <ImportPanel basePath={BASE} templateName="contest-questions-template.xlsx" />
              </Space>
            ),
          },
        ]}
      />
      <QuestionFormModal
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          void message.success(t('contest.bank.saved'));
          load();
        }}
      />
    </>
  );
}
