import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { categorySchema, departmentSchema, gridSchema, staffSchema, type Staff } from '../../domain/reference';
import type { ReferenceData } from '../../ports/reference-data';
import { queryAll } from './dynamo';
import { referenceKeys, type ReferenceKind } from './model/reference';

/** Reference data changes rarely; a warm Lambda keeps it for a minute. */
const TTL_MS = 60_000;

export class DynamoReferenceData implements ReferenceData {
  private readonly cache = new Map<string, { at: number; value: unknown }>();

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  categories() {
    return this.list('CATEGORY', categorySchema);
  }

  grids() {
    return this.list('GRID', gridSchema);
  }

  departments() {
    return this.list('DEPARTMENT', departmentSchema);
  }

  async staff(staffId: string): Promise<Staff | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: referenceKeys.staff(staffId) }));
    return out.Item ? staffSchema.parse(out.Item) : undefined;
  }

  private async list<S extends z.ZodType>(kind: ReferenceKind, schema: S): Promise<z.infer<S>[]> {
    const hit = this.cache.get(kind);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value as z.infer<S>[];
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': referenceKeys.kind(kind) },
    });
    const value = items.map((item) => schema.parse(item));
    this.cache.set(kind, { at: Date.now(), value });
    return value;
  }
}
