import type { Screen } from '../../app';

export const toolsScreens: Screen[] = [];
