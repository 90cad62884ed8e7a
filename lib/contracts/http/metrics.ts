import * as z from 'zod';
import { calendarDaySchema } from '../../domain/calendar';
import { METRIC_DIMENSIONS } from '../../ports/case-store';

/** `GET /v1/metrics?from=&to=&by=`: days in Asia/Shanghai. */
export const metricsQuery = z
  .object({ from: calendarDaySchema, to: calendarDaySchema, by: z.enum(METRIC_DIMENSIONS).default('grid') })
  .refine((q) => q.from <= q.to, { message: '开始日期须早于结束日期', path: ['from'] });
export type MetricsQuery = z.infer<typeof metricsQuery>;
