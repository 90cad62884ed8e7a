import { closeCase, closeInput } from '../../lib/use-cases/case/close';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(closeInput, (input) => closeCase(container(), input));
