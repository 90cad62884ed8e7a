import { dispatchCase, dispatchInput } from '../../lib/use-cases/case/dispatch';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(dispatchInput, (input) => dispatchCase(container(), input));
