/** The worker form's person: pick a registered person, or register a new one here (people.write) and have them picked. */
import { useState } from 'react';
import { Button, Flex } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PersonDto } from '@xj/contracts';
import { PersonFormModal } from '../../components/PersonFormModal';
import { PersonSelect } from '../../registry/PersonSelect';
import { useSession } from '../../session';

interface Props {
  value?: number;
  onChange?: (id: number | undefined) => void;
  id?: string;
}

export function WorkerPersonField({ value, onChange, id }: Props) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<PersonDto | null>(null);
  const label = created && created.id === value ? `${created.name} · ${created.nodePathNames.slice(-3).join('')}` : undefined;
  return (
    <Flex gap={8}>
      <div style={{ flex: 1, minWidth: 0 }}>
        <PersonSelect id={id} value={value} onChange={onChange} fallbackLabel={label} />
      </div>
      {can('people.write') && (
        <Button icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
          {t('workers.newPerson')}
        </Button>
      )}
      <PersonFormModal
        open={creating}
        person={null}
        onClose={() => setCreating(false)}
        onSaved={(p) => {
          setCreated(p);
          setCreating(false);
          onChange?.(p.id);
        }}
      />
    </Flex>
  );
}
