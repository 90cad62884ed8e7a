import { matchingInput } from '../../lib/contracts/tasks/wish-matching';
import { runWishMatching } from '../../lib/use-cases/wishes/matching';
import { functionDeps } from '../_shared/container';
import { taskHandler } from '../_shared/task-handler';

const deps = functionDeps();

/** Daily at 08:00 Asia/Shanghai, and from the wish-matching workflow. */
export const handler = taskHandler(matchingInput, () => runWishMatching(deps()));
