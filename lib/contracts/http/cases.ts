import * as z from 'zod';
import { CHANNELS, CLOSURE_CODES, RATINGS } from '../../domain/case';
import { latitudeSchema, longitudeSchema } from '../../domain/numbers';
import { phoneSchema } from '../../domain/phone';

/** `POST /v1/cases`: a resident's report. */
export const submitCaseCommand = z
  .object({
    category: z.string().min(1).max(64),
    description: z.string().trim().min(2).max(2000),
    location: z
      .object({
        gridId: z.string().min(1).max(64).optional(),
        address: z.string().trim().min(2).max(200).optional(),
        lat: latitudeSchema.optional(),
        lng: longitudeSchema.optional(),
      })
      .strict()
      .refine((l) => l.gridId || l.address || (l.lat !== undefined && l.lng !== undefined), {
        message: '至少提供网格、地址或经纬度之一',
      }),
    reporter: z.object({ phone: phoneSchema, name: z.string().trim().min(1).max(50).optional() }).strict(),
    channel: z.enum(CHANNELS).default('web'),
    anonymous: z.boolean().default(false),
  })
  .strict();
export type SubmitCaseCommand = z.infer<typeof submitCaseCommand>;

/** The `Idempotency-Key` header of `POST /v1/cases`. */
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '8–64 位字母、数字、_ 或 -');

const note = z.string().trim().min(1).max(500);

/** The actions of `POST /v1/cases/{caseId}/actions`, one schema each. */
export const caseActionSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('grid-check'),
      outcome: z.enum(['resolved-on-site', 'needs-dispatch', 'invalid', 'duplicate']),
      note,
      duplicateOf: z.string().regex(/^\d{6}-[0-9A-Z]{5}$/).optional(),
    })
    .strict()
    .refine((a) => a.outcome !== 'duplicate' || a.duplicateOf, { message: '重复诉求须注明原编号', path: ['duplicateOf'] }),
  z.object({ type: z.literal('accept') }).strict(),
  z.object({ type: z.literal('refuse'), reason: note, suggestedDepartmentId: z.string().min(1).max(64).optional() }).strict(),
  z.object({ type: z.literal('resolve'), note }).strict(),
  z.object({ type: z.literal('verify'), passed: z.boolean(), note }).strict(),
  z.object({ type: z.literal('feedback'), rating: z.enum(RATINGS), comment: z.string().trim().max(500).optional() }).strict(),
  z
    .object({
      type: z.literal('centre-review'),
      decision: z.enum(['dispatch', 'close']),
      departmentId: z.string().min(1).max(64).optional(),
      code: z.enum(CLOSURE_CODES).optional(),
      note,
    })
    .strict()
    .refine((a) => a.decision !== 'close' || a.code, { message: '结案须给出结案类型', path: ['code'] }),
]);
export type CaseAction = z.infer<typeof caseActionSchema>;
export type CaseActionType = CaseAction['type'];
