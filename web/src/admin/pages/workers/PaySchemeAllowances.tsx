/** The scheme's allowances and bonuses (education, qualification, seniority, assessment), viewed or edited. */
import { Card, Col, Descriptions, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_RESULTS, ASSESSMENT_RESULT_LABELS, WORKER_EDUCATIONS, WORKER_EDUCATION_LABELS, WORKER_QUALIFICATIONS, WORKER_QUALIFICATION_LABELS } from '@xj/contracts/domain';
import type { PaySchemeCreate } from '@xj/contracts';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { PayAmount } from './PayAmount';

interface Props {
  scheme: PaySchemeCreate;
  editing: boolean;
  onChange: (next: PaySchemeCreate) => void;
}

export function PaySchemeAllowances({ scheme, editing, onChange }: Props) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('workerPay.scheme.education')}>
          <Descriptions size="small" column={1} bordered>
            {WORKER_EDUCATIONS.map((e) => (
              <Descriptions.Item key={e} label={label(WORKER_EDUCATION_LABELS, e)}>
                {t('workerPay.scheme.fullTime')}{' '}
                <PayAmount value={scheme.education[e].fullTime} editing={editing} label={`${label(WORKER_EDUCATION_LABELS, e)} ${t('workerPay.scheme.fullTime')}`}
                  onChange={(n) => onChange({ ...scheme, education: { ...scheme.education, [e]: { ...scheme.education[e], fullTime: n } } })} />
                {' · '}
                {t('workerPay.scheme.partTime')}{' '}
                <PayAmount value={scheme.education[e].partTime} editing={editing} label={`${label(WORKER_EDUCATION_LABELS, e)} ${t('workerPay.scheme.partTime')}`}
                  onChange={(n) => onChange({ ...scheme, education: { ...scheme.education, [e]: { ...scheme.education[e], partTime: n } } })} />
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('workerPay.scheme.qualification')}>
          <Descriptions size="small" column={1} bordered>
            {WORKER_QUALIFICATIONS.map((q) => (
              <Descriptions.Item key={q} label={label(WORKER_QUALIFICATION_LABELS, q)}>
                <PayAmount value={scheme.qualification[q]} editing={editing} label={label(WORKER_QUALIFICATION_LABELS, q)}
                  onChange={(n) => onChange({ ...scheme, qualification: { ...scheme.qualification, [q]: n } })} />
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('workerPay.scheme.seniority')}>
          {editing ? (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('workerPay.scheme.perYear')}>
                <PayAmount value={scheme.seniorityPerYear} max={1000} editing label={t('workerPay.scheme.perYear')} onChange={(n) => onChange({ ...scheme, seniorityPerYear: n })} />
              </Descriptions.Item>
              <Descriptions.Item label={t('workerPay.scheme.capYears')}>
                <PayAmount value={scheme.seniorityCapYears} max={50} editing label={t('workerPay.scheme.capYears')} onChange={(n) => onChange({ ...scheme, seniorityCapYears: n })} />
              </Descriptions.Item>
            </Descriptions>
          ) : (
            t('workerPay.scheme.seniorityRule', { perYear: scheme.seniorityPerYear, cap: scheme.seniorityCapYears })
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('workerPay.scheme.bonus')}>
          <Descriptions size="small" column={1} bordered>
            {ASSESSMENT_RESULTS.map((r) => (
              <Descriptions.Item key={r} label={label(ASSESSMENT_RESULT_LABELS, r)}>
                <PayAmount value={scheme.bonus[r]} editing={editing} label={label(ASSESSMENT_RESULT_LABELS, r)} onChange={(n) => onChange({ ...scheme, bonus: { ...scheme.bonus, [r]: n } })} />
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      </Col>
    </Row>
  );
}
