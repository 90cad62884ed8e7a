import type { Screen } from '../../app';

export const staffScreens: Screen[] = [];
