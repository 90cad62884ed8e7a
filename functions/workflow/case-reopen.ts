import { reopenCase, reopenInput } from '../../lib/use-cases/case/reopen';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(reopenInput, (input) => reopenCase(container(), input));
