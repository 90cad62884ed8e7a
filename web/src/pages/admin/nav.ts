import { config } from '../../config';
import type { NavItem } from '../../shell';

/** The centre's tabs; the local stack's own tools only where it serves the console. */
export function adminNav(): NavItem[] {
  return [
    { to: '/admin', label: '总览' },
    { to: '/admin/escalations', label: '督办' },
    { to: '/admin/map', label: '地图' },
    { to: '/admin/workflows', label: '工作流' },
    { to: '/admin/volunteers/new', label: '登记志愿者' },
    ...(config().localTools ? [{ to: '/tools', label: '本机工具' }] : []),
  ];
}
