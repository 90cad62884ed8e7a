import { BatchWriteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoVisitStore } from '../../lib/adapters/aws/dynamo-visit-store';
import { referenceKeys } from '../../lib/adapters/aws/model/reference';
import { DEMO_CATEGORIES, DEMO_DEPARTMENTS, DEMO_ELDERS, DEMO_GRIDS, DEMO_STAFF, DEMO_VOLUNTEERS } from './demo-data';

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
  const visits = new DynamoVisitStore(db, tableName);
  const centre = (gridId: string) => DEMO_GRIDS.find((g) => g.gridId === gridId)!.centroid;
  for (const { name, phone, address, emergencyContact, ...elder } of DEMO_ELDERS) {
    await visits.addElder({ ...elder, location: centre(elder.gridId) }, { name, address, emergencyContact, ...(phone ? { phone } : {}) });
  }
  for (const { name, phone, ...volunteer } of DEMO_VOLUNTEERS) {
    await visits.addVolunteer({ ...volunteer, location: centre(volunteer.gridId) }, { name, phone });
  }
  for (let i = 0; i < items.length; i += 25) {
    let pending: Record<string, any[]> | undefined = { [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) };
    while (pending && Object.keys(pending).length) {
      const out = await db.send(new BatchWriteCommand({ RequestItems: pending }));
      pending = out.UnprocessedItems as Record<string, any[]> | undefined;
    }
  }
  await db.send(new PutCommand({ TableName: tableName, Item: { ...MARKER, at: new Date().toISOString(), items: items.length } }));
  return true;
}
