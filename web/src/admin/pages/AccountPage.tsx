/** My account: profile, grants and the change-password form. */
import { App, Card, Col, Descriptions, Empty, Row, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../shared/labels';
import { PageHeader } from '../components/PageHeader';
import { ToneTag } from '../components/ToneTag';
import { PasswordChangeForm } from '../components/PasswordChangeForm';
import { useSession } from '../session';
import { landingPath } from '../routes';

export default function AccountPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { me, refresh } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  if (!me) return null;

  const onDone = async () => {
    const wasForced = me.user.mustChangePassword;
    const next = await refresh();
    void message.success(t('password.changed'));
    if (wasForced) void navigate(landingPath(next), { replace: true });
  };

  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="card-title">{t('account.profile')}</h2>}>
            <Descriptions column={1} bordered size="middle">
              <Descriptions.Item label={t('users.username')}>{me.user.username}</Descriptions.Item>
              <Descriptions.Item label={t('users.displayName')}>{me.user.displayName}</Descriptions.Item>
              <Descriptions.Item label={t('users.grants')}>
                {me.grants.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('users.noGrants')} />
                ) : (
                  <div className="tag-list">
                    {me.grants.map((g) => (
                      <ToneTag key={g.id} tone="red">
                        {labels.role(g.role)} @ {g.nodeName}
                      </ToneTag>
                    ))}
                  </div>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('account.permissions')}>
                <div className="tag-list">
                  {me.permissions.map((p) => (
                    <Tag key={p}>{p}</Tag>
                  ))}
                </div>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="card-title">{t('password.title')}</h2>}>
            <PasswordChangeForm onDone={onDone} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
