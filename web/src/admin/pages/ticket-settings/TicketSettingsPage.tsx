/**
 * 系统管理 · 工单设置 (county admins, tickets.configure): ticket categories with their deadlines,
 * and the working-day calendar (holidays and make-up workdays) the deadlines are counted on.
 */
import { Alert, Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { CalendarTab } from './CalendarTab';
import { CategoriesTab } from './CategoriesTab';
import './ticket-settings.css';

type Tab = 'categories' | 'calendar';

export default function TicketSettingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'calendar' ? 'calendar' : 'categories';

  return (
    <>
      <PageHeader title={t('ticketSettings.title')} description={t('ticketSettings.description')} />
      <Alert type="info" showIcon className="page-alert" title={t('ticketSettings.newTicketsOnly')} />
      <Card className="ticket-settings-card">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'categories' ? {} : { tab: key }, { replace: true })}
          items={[
            { key: 'categories', label: t('ticketSettings.tabs.categories'), children: <CategoriesTab /> },
            { key: 'calendar', label: t('ticketSettings.tabs.calendar'), children: <CalendarTab /> },
          ]}
        />
      </Card>
    </>
  );
}
