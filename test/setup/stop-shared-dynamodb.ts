import { stopSharedDynamodb } from './shared-dynamodb';

export default stopSharedDynamodb;
