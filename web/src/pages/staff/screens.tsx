import type { Screen } from '../../app';
import type { Identity } from '../../auth/identity';
import type { NavItem } from '../../shell';
import { CasePage } from './case-page';
import { RegisterElder } from './register-elder';
import { Worklist } from './worklist';

/** The grid worker's tabs (the wishes screens at /grid/wishes are the wishes pages' own). */
export const GRID_NAV: NavItem[] = [
  { to: '/grid', label: '待办' },
  { to: '/grid/elders/new', label: '登记老人' },
  { to: '/grid/wishes', label: '微心愿' },
];

export const DEPT_NAV: NavItem[] = [{ to: '/dept', label: '待办' }];

const navOf = (who: Identity | undefined): NavItem[] => (who?.role === 'grid-worker' ? GRID_NAV : who?.role === 'department' ? DEPT_NAV : []);

export const staffScreens: Screen[] = [
  {
    path: '/grid',
    roles: ['grid-worker'],
    view: ({ who }) => <Worklist who={who} title="我的待办" nav={GRID_NAV} hint="等待您现场核查、核实办结的诉求（探访未到时的“独居老人失联”核查也在其中），已超时的排在最前。" wishes />,
  },
  { path: '/grid/elders/new', roles: ['grid-worker', 'admin'], view: ({ who }) => <RegisterElder who={who} nav={navOf(who)} /> },
  {
    path: '/dept',
    roles: ['department'],
    view: ({ who }) => <Worklist who={who} title="部门待办" nav={DEPT_NAV} hint="待签收、待办结的诉求；超过时限未处理将被“吹哨”上报，已超时的排在最前。" />,
  },
  { path: '/cases/:caseId', roles: ['grid-worker', 'department', 'admin'], view: ({ params, who }) => <CasePage caseId={params.caseId!} who={who} nav={navOf(who)} /> },
];
