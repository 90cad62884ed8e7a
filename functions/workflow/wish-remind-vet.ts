import { wishIdInput } from '../../lib/contracts/tasks/wish';
import { remindVet } from '../../lib/use-cases/wishes/remind-vet';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

export const handler = taskHandler(wishIdInput, (input) => remindVet(deps(), input));
