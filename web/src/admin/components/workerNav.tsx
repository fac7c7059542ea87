/** 社区工作者 menu entries: the registry, the 三岗十八级 pay scheme and sheets, promotions, assessments and training. */
import { AccountBookOutlined, BookOutlined, FileTextOutlined, TrophyOutlined, FundOutlined, RiseOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { PATHS } from '../routes';
import type { NavEntry } from './navEntry';

export const WORKER_NAV: NavEntry[] = [
  { path: PATHS.workers, labelKey: 'workers', icon: <TeamOutlined />, permission: 'workers.read' },
  { path: PATHS.workerPaySheets, labelKey: 'workerPaySheets', icon: <AccountBookOutlined />, permission: 'workers.read' },
  { path: PATHS.workerPromotions, labelKey: 'workerPromotions', icon: <RiseOutlined />, permission: 'workers.read' },
  { path: PATHS.workerAssessments, labelKey: 'workerAssessments', icon: <FundOutlined />, permission: 'workers.read' },
  { path: PATHS.workerTraining, labelKey: 'workerTraining', icon: <BookOutlined />, permission: 'workers.read' },
  { path: PATHS.contests, labelKey: 'secretaryContest', icon: <TrophyOutlined />, permission: 'contest.read' },
  { path: PATHS.contestQuestions, labelKey: 'contestQuestions', icon: <FileTextOutlined />, permission: 'contest.manage' },
  { path: PATHS.workerPayScheme, labelKey: 'workerPayScheme', icon: <SettingOutlined />, permission: 'workers.read' },
];
