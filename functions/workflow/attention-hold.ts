import { holdForCentre, holdInput } from '../../lib/use-cases/repair/attention';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(holdInput, (input) => holdForCentre(container(), input));
