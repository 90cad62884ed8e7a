import { openCaseStep, openCaseStepInput } from '../../lib/use-cases/open-case-step';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(openCaseStepInput, (input) => openCaseStep(container(), input));
