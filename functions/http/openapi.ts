import { openApiDocument } from '../../lib/http/openapi';
import { json } from '../../lib/http/response';
import { httpHandler } from '../_shared/http-handler';

const document = openApiDocument();

export const handler = httpHandler('getOpenApi', async () => json(200, document));
