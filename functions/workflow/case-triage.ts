import { triageCase, triageInput } from '../../lib/use-cases/case/triage';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(triageInput, (input) => triageCase(container(), input));
