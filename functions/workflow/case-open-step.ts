import { openCaseStep, openStepInput } from '../../lib/use-cases/case/open-step';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(openStepInput, (input) => openCaseStep(container(), input));
