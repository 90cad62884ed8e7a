import { rosterInput } from '../../lib/contracts/tasks/weekly-roster';
import { runWeeklyRoster } from '../../lib/use-cases/visits/roster';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps({ workflows: ['companion-visit'] });

/** Called by the weekly schedule (Sunday 20:00 Asia/Shanghai) and by the weekly-roster workflow. */
export const handler = taskHandler(rosterInput, (input) => runWeeklyRoster(deps(), input));
