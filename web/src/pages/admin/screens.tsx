import type { Screen } from '../../app';
import { Dashboard } from './dashboard';
import { Escalations } from './escalations';
import { GridMap } from './map';
import { RegisterVolunteer } from './register-volunteer';
import { Workflows } from './workflows';

/** The centre's screens (desktop first, usable on a tablet). */
export const adminScreens: Screen[] = [
  { path: '/admin', roles: ['admin'], view: ({ who }) => <Dashboard who={who} /> },
  { path: '/admin/escalations', roles: ['admin'], view: ({ who }) => <Escalations who={who} /> },
  { path: '/admin/map', roles: ['admin'], view: ({ who }) => <GridMap who={who} /> },
  { path: '/admin/workflows', roles: ['admin'], view: ({ who }) => <Workflows who={who} /> },
  { path: '/admin/volunteers/new', roles: ['admin'], view: ({ who }) => <RegisterVolunteer who={who} /> },
];
