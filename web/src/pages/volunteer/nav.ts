import type { NavItem } from '../../shell';

export const VOLUNTEER_NAV: NavItem[] = [
  { to: '/volunteer', label: '探访' },
  { to: '/volunteer/wishes', label: '心愿' },
  { to: '/volunteer/points', label: '积分' },
];
