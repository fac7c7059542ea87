/** One person's record: every field, the address path, masked phone and ID number with 查看, and their roles. */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Flex, Skeleton, Space } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PersonDto } from '@xj/contracts';
import { api, isApiError } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useGenderLabel } from '../../shared/personLabels';
import { MaskedField } from '../components/MaskedField';
import { PageHeader } from '../components/PageHeader';
import { PersonFormModal } from '../components/PersonFormModal';
import { PersonRolesCard } from '../components/PersonRolesCard';
import { PATHS } from '../routes';
import { useSession } from '../session';

export default function PersonDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { can } = useSession();
  const { message } = App.useApp();
  const genderLabel = useGenderLabel();
  const [person, setPerson] = useState<PersonDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    try {
      setPerson(await api.get<PersonDto>(`/api/people/${Number(id)}`, { silent: true }));
    } catch (e) {
      setError(isApiError(e) ? e.message : t('errors.generic'));
    }
  }, [id, t]);

  useEffect(() => {
    setPerson(null);
    void load();
  }, [load]);

  const back = (
    <Link to={PATHS.people}>
      <ArrowLeftOutlined /> {t('people.backToList')}
    </Link>
  );

  if (error) {
    return (
      <>
        <PageHeader title={t('people.detailTitle')} extra={back} />
        <Alert type="error" showIcon title={error} />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={person ? person.name : t('people.detailTitle')}
        description={t('people.detailDescription')}
        extra={
          <Space wrap>
            {back}
            {person && can('people.write') && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            )}
          </Space>
        }
      />
      <Flex vertical gap={16}>
        <Card>
          {!person ? (
            <Skeleton active />
          ) : (
            <Descriptions bordered column={{ xs: 1, md: 2 }} size="middle" labelStyle={{ width: 140 }}>
              <Descriptions.Item label={t('people.name')}>{person.name}</Descriptions.Item>
              <Descriptions.Item label={t('people.gender')}>{genderLabel(person.gender)}</Descriptions.Item>
              <Descriptions.Item label={t('people.birthDate')}>{person.birthDate ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('people.phone')}>
                <MaskedField key={`p${person.updatedAt}`} personId={person.id} field="phone" masked={person.phone} fieldLabel={t('people.phone')} />
              </Descriptions.Item>
              <Descriptions.Item label={t('people.idNumber')} span={2}>
                <MaskedField key={`i${person.updatedAt}`} personId={person.id} field="idNumber" masked={person.idNumber} fieldLabel={t('people.idNumber')} />
              </Descriptions.Item>
              <Descriptions.Item label={t('people.address')} span={2}>
                <Breadcrumb items={person.nodePathNames.map((name, i) => ({ key: i, title: name }))} />
              </Descriptions.Item>
              <Descriptions.Item label={t('people.notes')} span={2}>
                {person.notes ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(person.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('common.updatedAt')}>{formatDateTime(person.updatedAt)}</Descriptions.Item>
            </Descriptions>
          )}
        </Card>
        {person && <PersonRolesCard personId={person.id} />}
      </Flex>
      <PersonFormModal
        open={editing}
        person={person}
        onClose={() => setEditing(false)}
        onSaved={(p) => {
          setEditing(false);
          setPerson(p);
          void message.success(t('common.saved'));
        }}
      />
    </>
  );
}
