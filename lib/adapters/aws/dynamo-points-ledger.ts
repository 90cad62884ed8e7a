import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Visit } from '../../domain/visits/visit';
import type { LedgerEntry, PointsLedger } from '../../ports/points-ledger';
import { queryAll, transactOrLose, type TransactItem } from './dynamo';
import { elderKeys } from './model/elder';
import { ledgerKeys } from './model/ledger';
import type { TableKey } from './model/table';

/**
 * Each credit is one transaction: a marker item whose condition makes it once-only, and the ledger
 * entry, which is only ever appended to (the marker, not the entry, is what a retry collides with,
 * since a retry's entry would carry a later time).
 */
export class DynamoPointsLedger implements PointsLedger {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private credit(marker: TableKey, entry: TableKey, line: LedgerEntry, ...alongside: TransactItem[]): Promise<boolean> {
    return transactOrLose(this.db, [
      { Put: { TableName: this.tableName, Item: { ...marker, at: line.at }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: this.tableName, Item: { ...entry, ...line } } },
      ...alongside,
    ]);
  }

  creditVisit({ visit, points, at }: { visit: Visit; points: number; at: string }): Promise<boolean> {
    return this.credit(
      ledgerKeys.visitMarker(visit.visitId),
      ledgerKeys.visitEntry(visit.volunteerId, at, visit.visitId),
      { ref: visit.visitId, points, reason: 'companion-visit', at },
      {
        Update: {
          TableName: this.tableName,
          Key: elderKeys.profile(visit.elderId),
          UpdateExpression: 'SET lastVisitAt = :at, lastVolunteerId = :v',
          ExpressionAttributeValues: { ':at': at, ':v': visit.checkedInBy ?? visit.volunteerId },
        },
      },
    );
  }

  creditWish({ wishId, volunteerId, points, at }: { wishId: string; volunteerId: string; points: number; at: string }): Promise<boolean> {
    return this.credit(ledgerKeys.wishMarker(wishId, volunteerId), ledgerKeys.wishEntry(volunteerId, at, wishId), { ref: wishId, points, reason: 'micro-wish', at });
  }

  async entries(volunteerId: string): Promise<LedgerEntry[]> {
    const items = await queryAll(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': ledgerKeys.partition(volunteerId) }, ConsistentRead: true });
    return items.map((i) => ({ ref: String(i.ref), reason: String(i.reason), points: Number(i.points), at: String(i.at) }));
  }
}
