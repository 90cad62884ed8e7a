import type { Screen } from './app';
import { adminScreens } from './pages/admin/screens';
import { residentScreens } from './pages/resident/screens';
import { staffScreens } from './pages/staff/screens';
import { toolsScreens } from './pages/tools/screens';
import { volunteerScreens } from './pages/volunteer/screens';

/** Every screen of the console, by who uses it; each folder under pages/ owns its own. */
export const routes: Screen[] = [...residentScreens, ...staffScreens, ...adminScreens, ...volunteerScreens, ...toolsScreens];
