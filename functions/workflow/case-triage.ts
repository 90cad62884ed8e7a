import { triageCase, triageCaseInput } from '../../lib/use-cases/triage-case';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(triageCaseInput, (input) => triageCase(container(), input));
