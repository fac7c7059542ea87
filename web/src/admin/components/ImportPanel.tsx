/**
 * Excel import of a registry: download the template, choose the mode, upload, follow the
 * progress, then read the row-level report. `basePath` is the registry's API root (e.g.
 * /api/people), under which the import routes live.
 */
import { useState } from 'react';
import { Button, Card, Radio, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { EXCEL_LIMITS, IMPORT_MODE_LABELS, IMPORT_MODES, XLSX_CONTENT_TYPE, type ImportMode } from '@xj/contracts/domain';
import { download } from '../../shared/api';
import { pick } from '../../shared/labels';
import { ImportReport } from './ImportReport';
import { useImportJob } from './useImportJob';

interface Props {
  basePath: string;
  templateName: string;
}

export function ImportPanel({ basePath, templateName }: Props) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const [file, setFile] = useState<File | null>(null);
  const { job, uploading, start } = useImportJob(basePath);
  const running = uploading || (job !== null && job.status !== 'done' && job.status !== 'failed');

  return (
    <Space orientation="vertical" size={16} className="full-width">
      <Card title={<h2 className="card-title">{t('imports.step1')}</h2>} size="small">
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void download(`${basePath}/import/template`, templateName).catch(() => undefined)}>
            {t('imports.downloadTemplate')}
          </Button>
          <Typography.Text type="secondary">{t('imports.templateHint', { max: EXCEL_LIMITS.importRowsMax })}</Typography.Text>
        </Space>
      </Card>
      <Card title={<h2 className="card-title">{t('imports.step2')}</h2>} size="small">
        <Space orientation="vertical" size={12} className="full-width">
          <Radio.Group
            aria-label={t('imports.mode')}
            value={mode}
            onChange={(e) => setMode(e.target.value as ImportMode)}
            options={IMPORT_MODES.map((m) => ({ value: m, label: pick(IMPORT_MODE_LABELS[m], i18n.language, m) }))}
          />
          <Typography.Text type="secondary">{mode === 'all_or_nothing' ? t('imports.modeAllHint') : t('imports.modeValidHint')}</Typography.Text>
          <Space wrap align="start">
            <Upload
              accept={`.xlsx,${XLSX_CONTENT_TYPE}`}
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
              fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
            >
              <Button icon={<UploadOutlined />}>{t('imports.chooseFile')}</Button>
            </Upload>
            <Button type="primary" disabled={!file || running} loading={running} onClick={() => file && void start(file, mode)}>
              {t('imports.start')}
            </Button>
          </Space>
        </Space>
      </Card>
      {job && (
        <Card title={<h2 className="card-title">{t('imports.step3')}</h2>} size="small">
          <ImportReport job={job} basePath={basePath} />
        </Card>
      )}
    </Space>
  );
}
