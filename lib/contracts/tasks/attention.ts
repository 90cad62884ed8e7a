import * as z from 'zod';
import { REPAIRABLE } from '../../ports/repair-store';

/**
 * What "Wait for the centre to resume" (in the case, wish and visit workflows) passes: the entity, and
 * `failed`, which holds one key, the code of the state that failed, set by that state's Catch
 * (`ResultPath: $.failed.<code>`).
 */
export const holdInput = z.object({
  kind: z.enum(REPAIRABLE),
  id: z.string().min(1).max(80),
  failed: z.record(z.string().regex(/^\w{1,80}$/), z.object({ Error: z.string().optional() }).passthrough()),
  taskToken: z.string().min(1),
});
export type HoldInput = z.infer<typeof holdInput>;
