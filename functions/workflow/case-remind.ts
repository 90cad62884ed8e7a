import { remindCase, remindInput } from '../../lib/use-cases/case/remind';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(remindInput, (input) => remindCase(container(), input));
