import type * as z from 'zod';
import { caseActionSchema, submitCaseCommand } from '../contracts/http/cases';
import { metricsQuery } from '../contracts/http/metrics';
import { checkOutCommand, registerElderCommand, registerVolunteerCommand, visitsQuery } from '../contracts/http/visits';
import { publicListQuery, submitWishCommand, wishActionSchema } from '../contracts/http/wishes';
import type { OperationId } from './response-schemas';

/**
 * The zod schema that validates each route's body and query string, by operationId: the OpenAPI
 * document is built from these (lib/http/openapi.ts), so it cannot drift from what the handlers parse.
 * Routes not named here take neither. Kept out of the route table (routes.ts), which every handler
 * reads at its cold start: importing this builds the schemas of every route.
 */
export const ROUTE_SCHEMAS: Partial<Record<OperationId, { body?: z.ZodType; query?: z.ZodType }>> = {
  createCase: { body: submitCaseCommand },
  actOnCase: { body: caseActionSchema },
  getMetrics: { query: metricsQuery },
  registerElder: { body: registerElderCommand },
  registerVolunteer: { body: registerVolunteerCommand },
  listVisits: { query: visitsQuery },
  checkOutVisit: { body: checkOutCommand },
  submitWish: { body: submitWishCommand },
  listPublishedWishes: { query: publicListQuery },
  actOnWish: { body: wishActionSchema },
};

/** The schemas of one route: `{}` for a route that takes no body and no query string. */
export const schemasOf = (operationId: string): { body?: z.ZodType; query?: z.ZodType } => ROUTE_SCHEMAS[operationId as OperationId] ?? {};
