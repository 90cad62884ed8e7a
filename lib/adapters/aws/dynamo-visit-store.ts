import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RosterElder, RosterVolunteer } from '../../domain/visits/plan-week';
import type { Visit } from '../../domain/visits/visit';
import type { ElderContact, VisitStore, VolunteerContact } from '../../ports/visit-store';
import { getByPhone, isConditionFailure, phoneDigest, queryAll, transactOrLose, withoutKeys } from './dynamo';

/** Phone-index items, keyed by the phone's keyed digest: one holder per phone among volunteers, and among elders. */
const phoneKey = {
  volunteer: (digest: string) => ({ pk: `VPHONE#${digest}`, sk: 'VOLUNTEER' }),
  elder: (digest: string) => ({ pk: `EPHONE#${digest}`, sk: 'ELDER' }),
};

export class DynamoVisitStore implements VisitStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private put(item: Record<string, unknown>) {
    return { Put: { TableName: this.tableName, Item: item } };
  }

  /** Claims a phone for one holder: the write fails if someone else holds it (the same holder may write again). */
  private claimPhone(key: { pk: string; sk: string }, holder: 'elderId' | 'volunteerId', id: string) {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...key, [holder]: id },
        ConditionExpression: 'attribute_not_exists(pk) OR #holder = :id',
        ExpressionAttributeNames: { '#holder': holder },
        ExpressionAttributeValues: { ':id': id },
      },
    };
  }

  addElder(elder: RosterElder, contact: ElderContact): Promise<boolean> {
    return transactOrLose(this.db, [
      this.put({ pk: `ELDER#${elder.elderId}`, sk: 'PROFILE', gsi1pk: 'REGISTRY#ELDER', gsi1sk: `${elder.gridId}#${elder.elderId}`, ...elder }),
      this.put({ pk: `ELDER#${elder.elderId}`, sk: 'CONTACT', ...contact }),
      ...(contact.phone ? [this.claimPhone(phoneKey.elder(phoneDigest(contact.phone)), 'elderId', elder.elderId)] : []),
    ]);
  }

  addVolunteer(volunteer: RosterVolunteer, contact: VolunteerContact): Promise<boolean> {
    return transactOrLose(this.db, [
      this.put({ pk: `VOLUNTEER#${volunteer.volunteerId}`, sk: 'PROFILE', gsi1pk: 'REGISTRY#VOLUNTEER', gsi1sk: `${volunteer.gridId}#${volunteer.volunteerId}`, ...volunteer }),
      this.put({ pk: `VOLUNTEER#${volunteer.volunteerId}`, sk: 'CONTACT', ...contact }),
      this.claimPhone(phoneKey.volunteer(phoneDigest(contact.phone)), 'volunteerId', volunteer.volunteerId),
    ]);
  }

  private async registry<T>(kind: 'ELDER' | 'VOLUNTEER'): Promise<T[]> {
    const items = await queryAll(this.db, { TableName: this.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': `REGISTRY#${kind}` } });
    return items.map((i) => withoutKeys<T>(i)!);
  }

  elders() {
    return this.registry<RosterElder>('ELDER');
  }

  volunteers() {
    return this.registry<RosterVolunteer>('VOLUNTEER');
  }

  private async get<T>(pk: string, sk: string): Promise<T | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk, sk }, ConsistentRead: true }));
    return withoutKeys<T>(out.Item);
  }

  elder(elderId: string) {
    return this.get<RosterElder>(`ELDER#${elderId}`, 'PROFILE');
  }

  elderContact(elderId: string) {
    return this.get<ElderContact>(`ELDER#${elderId}`, 'CONTACT');
  }

  volunteerContact(volunteerId: string) {
    return this.get<VolunteerContact>(`VOLUNTEER#${volunteerId}`, 'CONTACT');
  }

  async volunteerByPhone(phone: string): Promise<string | undefined> {
    const item = await getByPhone(this.db, this.tableName, phone, phoneKey.volunteer);
    return item?.volunteerId as string | undefined;
  }

  async bookedInWeek(weekId: string) {
    const items = await queryAll(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `WEEK#${weekId}` }, ConsistentRead: true });
    return items.map((i) => ({ visitId: String(i.visitId), elderId: String(i.elderId), volunteerId: String(i.volunteerId), windowStart: String(i.windowStart) }));
  }

  async visitsOf(filter: { elderId?: string; volunteerId?: string; from?: string; to?: string }): Promise<Visit[]> {
    const [index, key] = filter.elderId ? ['gsi2', `VISITS#ELDER#${filter.elderId}`] : ['gsi1', `VISITS#VOLUNTEER#${filter.volunteerId}`];
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk AND ${index}sk BETWEEN :from AND :to`,
      ExpressionAttributeValues: { ':pk': key, ':from': filter.from ?? '0000', ':to': filter.to ?? '9999' },
    });
    return items.map((i) => withoutKeys<Visit>(i)!).filter((v) => !filter.volunteerId || !filter.elderId || v.volunteerId === filter.volunteerId);
  }

  visit(visitId: string) {
    return this.get<Visit>(`VISIT#${visitId}`, 'META');
  }

  book(visit: Visit): Promise<boolean> {
    return transactOrLose(this.db, [
      {
        Put: {
          TableName: this.tableName,
          Item: { pk: `VISIT#${visit.visitId}`, sk: 'META', gsi1pk: `VISITS#VOLUNTEER#${visit.volunteerId}`, gsi1sk: visit.windowStart, gsi2pk: `VISITS#ELDER#${visit.elderId}`, gsi2sk: visit.windowStart, ...visit },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      // One visit per volunteer per block: this is what makes double-booking impossible.
      { Put: { TableName: this.tableName, Item: { pk: `VSLOT#${visit.volunteerId}`, sk: visit.windowStart, visitId: visit.visitId }, ConditionExpression: 'attribute_not_exists(pk)' } },
      this.put({ pk: `WEEK#${visit.weekId}`, sk: `VISIT#${visit.visitId}`, visitId: visit.visitId, elderId: visit.elderId, volunteerId: visit.volunteerId, windowStart: visit.windowStart }),
    ]);
  }

  async update(visitId: string, expectedVersion: number, set: Partial<Visit>, remove: Array<keyof Visit> = []): Promise<boolean> {
    const entries = Object.entries(set).filter(([k]) => k !== 'version' && k !== 'visitId');
    const names: Record<string, string> = { '#version': 'version' };
    const values: Record<string, unknown> = { ':expected': expectedVersion, ':next': expectedVersion + 1 };
    const sets = entries.map(([k, v], i) => ((names[`#s${i}`] = k), (values[`:s${i}`] = v), `#s${i} = :s${i}`));
    const removes = remove.map((k, i) => ((names[`#r${i}`] = String(k)), `#r${i}`));
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: `VISIT#${visitId}`, sk: 'META' },
          UpdateExpression: `SET ${[...sets, '#version = :next'].join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  creditVisit(input: { visit: Visit; points: number; at: string }): Promise<boolean> {
    const { visit, points, at } = input;
    return transactOrLose(this.db, [
      // The marker makes the entry once-only; the ledger itself is only ever appended to.
      { Put: { TableName: this.tableName, Item: { pk: `POINTS#visit#${visit.visitId}`, sk: 'POINTS', at }, ConditionExpression: 'attribute_not_exists(pk)' } },
      this.put({ pk: `LEDGER#${visit.volunteerId}`, sk: `${at}#visit#${visit.visitId}`, ref: visit.visitId, points, reason: 'companion-visit', at }),
      {
        Update: {
          TableName: this.tableName,
          Key: { pk: `ELDER#${visit.elderId}`, sk: 'PROFILE' },
          UpdateExpression: 'SET lastVisitAt = :at, lastVolunteerId = :v',
          ExpressionAttributeValues: { ':at': at, ':v': visit.checkedInBy ?? visit.volunteerId },
        },
      },
    ]);
  }

  async ledger(volunteerId: string) {
    const items = await queryAll(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `LEDGER#${volunteerId}` }, ConsistentRead: true });
    return items.map((i) => ({ ref: String(i.ref), reason: String(i.reason), points: Number(i.points), at: String(i.at) }));
  }

  async pointCheckIn(volunteerId: string, visitId: string | null): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { pk: `CHECKIN#${volunteerId}`, sk: 'CHECKIN', visitId } }));
  }

  async checkInPointer(volunteerId: string): Promise<string | undefined> {
    return (await this.get<{ visitId: string | null }>(`CHECKIN#${volunteerId}`, 'CHECKIN'))?.visitId ?? undefined;
  }
}
