import * as z from 'zod';

/** The wish-matching workflow's input: nothing (daily, or started by the centre). */
export const matchingInput = z.object({}).strict();
