import type { Screen } from '../../app';

export const residentScreens: Screen[] = [];
