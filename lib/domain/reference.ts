import * as z from 'zod';

export const PRIORITIES = ['emergency', 'utilities', 'general', 'complex'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Beijing 12345 service standard: hours from report to resolution, by priority. */
export const DEFAULT_DUE_HOURS: Record<Priority, number> = {
  emergency: 2,
  utilities: 24,
  general: 7 * 24,
  complex: 15 * 24,
};

export const categorySchema = z.object({
  code: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  group: z.string(),
  priority: z.enum(PRIORITIES),
  departmentId: z.string(),
  /** Overrides the priority's default when a category needs its own limit. */
  dueHours: z.number().positive().optional(),
});
export type Category = z.infer<typeof categorySchema>;

const lngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export const gridShapeSchema = z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(z.array(lngLat).min(4)).min(1) });
export type GridShape = z.infer<typeof gridShapeSchema>;

export const gridSchema = z.object({
  gridId: z.string(),
  name: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  centroid: z.object({ lat: z.number(), lng: z.number() }),
  /** Street and estate names that route an address-only report to this grid. */
  addressKeywords: z.array(z.string()),
  workerStaffId: z.string(),
  /** The grid's outline for the centre's map, GeoJSON-like: one closed ring of [lng, lat]. */
  shape: gridShapeSchema.optional(),
});
export type Grid = z.infer<typeof gridSchema>;

export const departmentSchema = z.object({
  departmentId: z.string(),
  name: z.string(),
  /** Who receives dispatched cases by SMS. */
  dutyStaffId: z.string(),
  /** Who is told when the department lets a case go overdue ("吹哨"). */
  headStaffId: z.string(),
});
export type Department = z.infer<typeof departmentSchema>;

export const staffSchema = z.object({
  staffId: z.string(),
  role: z.enum(['grid-worker', 'department', 'admin', 'volunteer', 'building-lead']),
  name: z.string(),
  phone: z.string(),
  grids: z.array(z.string()).default([]),
  departmentId: z.string().optional(),
});
export type Staff = z.infer<typeof staffSchema>;

export function dueHoursFor(category: Category): number {
  return category.dueHours ?? DEFAULT_DUE_HOURS[category.priority];
}
