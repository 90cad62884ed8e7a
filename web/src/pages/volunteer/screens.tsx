import type { Screen } from '../../app';
import type { Identity } from '../../auth/identity';
import type { NavItem } from '../../shell';
import { adminNav } from '../admin/nav';
import { GRID_NAV } from '../staff/screens';
import { GridWish, GridWishes, NewWish } from './grid-wishes';
import { MyPoints } from './points';
import { MyVisits } from './visits';
import { VolunteerWishes } from './wishes';

/** The wish screens keep the tabs of whoever opens them: a grid worker's, or the centre's. */
const navOf = (who: Identity | undefined): NavItem[] => (who?.role === 'grid-worker' ? GRID_NAV : who?.role === 'admin' ? adminNav() : []);

/** The volunteer's screens, and the grid worker's wish screens (/grid/wishes…). */
export const volunteerScreens: Screen[] = [
  { path: '/volunteer', roles: ['volunteer'], view: ({ who }) => <MyVisits who={who} /> },
  { path: '/volunteer/wishes', roles: ['volunteer'], view: ({ who }) => <VolunteerWishes who={who} /> },
  { path: '/volunteer/points', roles: ['volunteer'], view: ({ who }) => <MyPoints who={who} /> },
  { path: '/grid/wishes', roles: ['grid-worker', 'admin'], view: ({ who }) => <GridWishes who={who} nav={navOf(who)} /> },
  { path: '/grid/wishes/new', roles: ['grid-worker', 'admin'], view: ({ who }) => <NewWish who={who} nav={navOf(who)} /> },
  { path: '/grid/wishes/:wishId', roles: ['grid-worker', 'admin'], view: ({ params, who, url }) => <GridWish wishId={params.wishId!} who={who} nav={navOf(who)} url={url} /> },
];
