import type { Screen } from '../../app';

export const volunteerScreens: Screen[] = [];
