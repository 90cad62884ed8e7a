import type { Screen } from '../../app';

export const adminScreens: Screen[] = [];
