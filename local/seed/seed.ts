import { BatchWriteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../lib/adapters/aws/dynamo';
import { DEMO_CATEGORIES, DEMO_DEPARTMENTS, DEMO_ELDERS, DEMO_GRIDS, DEMO_STAFF, DEMO_VOLUNTEERS } from './demo-data';

const MARKER = { pk: 'SEED#demo', sk: 'SEED' };

/** Writes the demo data once per data folder; returns whether it wrote anything. */
export async function seedDemoData(db: DynamoDBDocumentClient, tableName: string): Promise<boolean> {
  const marker = await db.send(new GetCommand({ TableName: tableName, Key: MARKER }));
  if (marker.Item) return false;
  const items: Record<string, unknown>[] = [
    ...DEMO_CATEGORIES.map((c) => ({ ...keys.reference('CATEGORY', c.code), ...c })),
    ...DEMO_GRIDS.map((g) => ({ ...keys.reference('GRID', g.gridId), ...g })),
    ...DEMO_DEPARTMENTS.map((d) => ({ ...keys.reference('DEPARTMENT', d.departmentId), ...d })),
    ...DEMO_STAFF.map((s) => ({ ...keys.staff(s.staffId), ...s })),
    ...DEMO_ELDERS.map((e) => ({ pk: `ELDER#${e.elderId}`, sk: 'PROFILE', ...e })),
    ...DEMO_VOLUNTEERS.map((v) => ({ pk: `VOLUNTEER#${v.volunteerId}`, sk: 'PROFILE', ...v })),
  ];
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
