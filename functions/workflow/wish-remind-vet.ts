import { wishIdInput } from '../../lib/contracts/tasks/wish';
import { remindVet } from '../../lib/use-cases/wishes/remind-vet';
import { container } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

export const handler = taskHandler(wishIdInput, (input) => remindVet(container(), input));
