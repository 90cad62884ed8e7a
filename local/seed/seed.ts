import { BatchWriteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { elderRegistration, volunteerRegistration, type Registration } from '../../lib/adapters/aws/dynamo-visit-store';
import { referenceKeys } from '../../lib/adapters/aws/model/reference';
import { ConcurrencyLimit } from '../concurrency-limit';
import { DEMO_CATEGORIES, DEMO_DEPARTMENTS, DEMO_ELDERS, DEMO_GRIDS, DEMO_STAFF, DEMO_VOLUNTEERS } from './demo-data';

/** Batches in flight at once while seeding. */
const SEED_CONCURRENCY = 4;

const MARKER = { pk: 'SEED#demo', sk: 'SEED' };

/** Writes the demo data once per data folder; returns whether it wrote anything. */
export async function seedDemoData(db: DynamoDBDocumentClient, tableName: string): Promise<boolean> {
  const marker = await db.send(new GetCommand({ TableName: tableName, Key: MARKER }));
  if (marker.Item) return false;
  const items: Record<string, unknown>[] = [
    ...DEMO_CATEGORIES.map((c) => ({ ...referenceKeys.item('CATEGORY', c.code), ...c })),
    ...DEMO_GRIDS.map((g) => ({ ...referenceKeys.item('GRID', g.gridId), ...g })),
    ...DEMO_DEPARTMENTS.map((d) => ({ ...referenceKeys.item('DEPARTMENT', d.departmentId), ...d })),
    ...DEMO_STAFF.map((s) => ({ ...referenceKeys.staff(s.staffId), ...s })),
  ];
  // The same items the visit store's registrations write, put in batches: the table is new (the marker
  // below says so), so their phone claims need no condition, and a transaction each made seeding slow.
  const centre = (gridId: string) => DEMO_GRIDS.find((g) => g.gridId === gridId)!.centroid;
  const registrations: Registration[] = [
    ...DEMO_ELDERS.map(({ name, phone, address, emergencyContact, ...elder }) =>
      elderRegistration({ ...elder, location: centre(elder.gridId) }, { name, address, emergencyContact, ...(phone ? { phone } : {}) }),
    ),
    ...DEMO_VOLUNTEERS.map(({ name, phone, ...volunteer }) => volunteerRegistration({ ...volunteer, location: centre(volunteer.gridId) }, { name, phone })),
  ];
  for (const { items: own, phoneClaim } of registrations) items.push(...own, ...(phoneClaim ? [phoneClaim.item] : []));
  const turns = new ConcurrencyLimit(SEED_CONCURRENCY);
  const writes: Array<Promise<unknown>> = [];
  for (let i = 0; i < items.length; i += 25) {
    writes.push(
      turns.run(async () => {
        let pending: Record<string, any[]> | undefined = { [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) };
        while (pending && Object.keys(pending).length) {
          const out = await db.send(new BatchWriteCommand({ RequestItems: pending }));
          pending = out.UnprocessedItems as Record<string, any[]> | undefined;
        }
      }),
    );
  }
  // Every write is let finish before a failure is reported: the marker below is written only after all.
  const failed = (await Promise.allSettled(writes)).find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  await db.send(new PutCommand({ TableName: tableName, Item: { ...MARKER, at: new Date().toISOString(), items: items.length } }));
  return true;
}
