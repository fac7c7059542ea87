/** Progress and outcome of one import job: counts, a progress bar and the row-level error table. */
import { Alert, Button, Progress, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { IMPORT_STATUS_LABELS } from '@xj/contracts/domain';
import type { ImportCellError, ImportJobDto } from '@xj/contracts';
import { download } from '../../shared/api';
import { pick } from '../../shared/labels';

interface Props {
  job: ImportJobDto;
  basePath: string;
}

export function ImportReport({ job, basePath }: Props) {
  const { t, i18n } = useTranslation();
  const finished = job.status === 'done' || job.status === 'failed';
  const percent = job.total === 0 ? (finished ? 100 : 0) : Math.round((job.processed / job.total) * 100);
  const statusLabel = pick(IMPORT_STATUS_LABELS[job.status], i18n.language, job.status);

  return (
    <section aria-label={t('imports.report')} className="import-report" data-testid="import-report">
      <Space orientation="vertical" size={16} className="full-width">
        <div>
          <Typography.Text>{t('imports.jobStatus', { file: job.fileName, status: statusLabel })}</Typography.Text>
          <Progress
            percent={percent}
            status={job.status === 'failed' ? 'exception' : finished ? 'success' : 'active'}
            aria-label={t('imports.progress')}
            format={() => `${job.processed} / ${job.total}`}
          />
        </div>
        <div className="import-figures">
          <Statistic title={t('imports.total')} value={job.total} />
          <Statistic title={t('imports.inserted')} value={job.inserted} />
          <Statistic title={t('imports.invalidRows')} value={job.invalidRows} />
          <Statistic title={t('imports.errorCount')} value={job.errorCount} />
        </div>
        {finished && (
          <Alert
            role="status"
            type={job.status === 'failed' ? 'error' : job.errorCount > 0 ? 'warning' : 'success'}
            showIcon
            title={
              job.status === 'failed'
                ? t('imports.failed')
                : job.errorCount > 0
                  ? t('imports.doneWithErrors', { inserted: job.inserted, invalid: job.invalidRows })
                  : t('imports.doneOk', { inserted: job.inserted })
            }
            description={job.message ?? undefined}
          />
        )}
        {job.errors.length > 0 && (
          <>
            <Space wrap className="import-errors-head">
              <h2 className="card-title">{t('imports.errorsTitle')}</h2>
              {finished && (
                <Button
                  icon={<DownloadOutlined />}
                  onClick={() => void download(`${basePath}/import/${job.jobId}/errors.xlsx`, 'errors.xlsx').catch(() => undefined)}
                >
                  {t('imports.downloadErrors')}
                </Button>
              )}
            </Space>
            {job.errorCount > job.errors.length && (
              <Typography.Text type="secondary">{t('imports.errorsTruncated', { shown: job.errors.length, total: job.errorCount })}</Typography.Text>
            )}
            <Table<ImportCellError>
              size="small"
              rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
              dataSource={job.errors}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: t('imports.row'), dataIndex: 'row', width: 80 },
                { title: t('imports.column'), dataIndex: 'column', width: 160 },
                { title: t('imports.message'), dataIndex: 'message' },
              ]}
            />
          </>
        )}
      </Space>
    </section>
  );
}
