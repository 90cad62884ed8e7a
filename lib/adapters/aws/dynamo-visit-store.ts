import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RosterElder, RosterVolunteer } from '../../domain/visits/plan-week';
import type { Visit } from '../../domain/visits/visit';
import type { ElderContact, VisitStore, VolunteerContact } from '../../ports/visit-store';
import { getByPhone, phoneDigest, queryAll, transactOrLose, withoutKeys, writeOrLose } from './dynamo';
import { elderKeys } from './model/elder';
import type { TableKey } from './model/table';
import { visitKeys } from './model/visit';
import { volunteerKeys } from './model/volunteer';
import { versionedUpdate } from './versioned-update';

type Item = Record<string, unknown>;

/** What registering someone writes: their items, and the item claiming their phone (if they have one). */
export interface Registration {
  items: Item[];
  phoneClaim?: { item: Item; holder: 'elderId' | 'volunteerId'; id: string };
}

/** An elder's profile (in their grid's registry), contact, and phone claim. */
export function elderRegistration(elder: RosterElder, contact: ElderContact): Registration {
  return {
    items: [{ ...elderKeys.profile(elder.elderId), ...elderKeys.inRegistry(elder.gridId, elder.elderId), ...elder }, { ...elderKeys.contact(elder.elderId), ...contact }],
    ...(contact.phone ? { phoneClaim: { item: { ...elderKeys.phone(phoneDigest(contact.phone)), elderId: elder.elderId }, holder: 'elderId' as const, id: elder.elderId } } : {}),
  };
}

/** A volunteer's profile (in their grid's registry), contact, and phone claim. */
export function volunteerRegistration(volunteer: RosterVolunteer, contact: VolunteerContact): Registration {
  return {
    items: [
      { ...volunteerKeys.profile(volunteer.volunteerId), ...volunteerKeys.inRegistry(volunteer.gridId, volunteer.volunteerId), ...volunteer },
      { ...volunteerKeys.contact(volunteer.volunteerId), ...contact },
    ],
    phoneClaim: { item: { ...volunteerKeys.phone(phoneDigest(contact.phone)), volunteerId: volunteer.volunteerId }, holder: 'volunteerId', id: volunteer.volunteerId },
  };
}

export class DynamoVisitStore implements VisitStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private put(item: Record<string, unknown>) {
    return { Put: { TableName: this.tableName, Item: item } };
  }

  /** One transaction: the phone is claimed for this holder, or nothing is written (the same holder may write again). */
  private register({ items, phoneClaim }: Registration): Promise<boolean> {
    return transactOrLose(this.db, [
      ...items.map((item) => this.put(item)),
      ...(phoneClaim
        ? [
            {
              Put: {
                TableName: this.tableName,
                Item: phoneClaim.item,
                ConditionExpression: 'attribute_not_exists(pk) OR #holder = :id',
                ExpressionAttributeNames: { '#holder': phoneClaim.holder },
                ExpressionAttributeValues: { ':id': phoneClaim.id },
              },
            },
          ]
        : []),
    ]);
  }

  addElder(elder: RosterElder, contact: ElderContact): Promise<boolean> {
    return this.register(elderRegistration(elder, contact));
  }

  addVolunteer(volunteer: RosterVolunteer, contact: VolunteerContact): Promise<boolean> {
    return this.register(volunteerRegistration(volunteer, contact));
  }

  private async registry<T>(registry: string): Promise<T[]> {
    const items = await queryAll(this.db, { TableName: this.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': registry } });
    return items.map((i) => withoutKeys<T>(i)!);
  }

  elders() {
    return this.registry<RosterElder>(elderKeys.registry);
  }

  volunteers() {
    return this.registry<RosterVolunteer>(volunteerKeys.registry);
  }

  private async get<T>(key: TableKey): Promise<T | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return withoutKeys<T>(out.Item);
  }

  elderContact(elderId: string) {
    return this.get<ElderContact>(elderKeys.contact(elderId));
  }

  volunteerContact(volunteerId: string) {
    return this.get<VolunteerContact>(volunteerKeys.contact(volunteerId));
  }

  async volunteerByPhone(phone: string): Promise<string | undefined> {
    const item = await getByPhone(this.db, this.tableName, phone, volunteerKeys.phone);
    return item?.volunteerId as string | undefined;
  }

  async bookedInWeek(weekId: string) {
    const items = await queryAll(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': visitKeys.week(weekId) }, ConsistentRead: true });
    return items.map((i) => ({ visitId: String(i.visitId), elderId: String(i.elderId), volunteerId: String(i.volunteerId), windowStart: String(i.windowStart) }));
  }

  async visitsOf(filter: { elderId?: string; volunteerId?: string; from?: string; to?: string }): Promise<Visit[]> {
    const [index, key] = filter.elderId ? ['gsi2', visitKeys.ofElder(filter.elderId)] : ['gsi1', visitKeys.ofVolunteer(String(filter.volunteerId))];
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk AND ${index}sk BETWEEN :from AND :to`,
      ExpressionAttributeValues: { ':pk': key, ':from': filter.from ?? visitKeys.anyWindow.from, ':to': filter.to ?? visitKeys.anyWindow.to },
    });
    return items.map((i) => withoutKeys<Visit>(i)!).filter((v) => !filter.volunteerId || !filter.elderId || v.volunteerId === filter.volunteerId);
  }

  visit(visitId: string) {
    return this.get<Visit>(visitKeys.meta(visitId));
  }

  book(visit: Visit): Promise<boolean> {
    return transactOrLose(this.db, [
      { Put: { TableName: this.tableName, Item: { ...visitKeys.meta(visit.visitId), ...visitKeys.indexes(visit), ...visit }, ConditionExpression: 'attribute_not_exists(pk)' } },
      // One visit per volunteer per block: this is what makes double-booking impossible.
      { Put: { TableName: this.tableName, Item: { ...visitKeys.slot(visit.volunteerId, visit.windowStart), visitId: visit.visitId }, ConditionExpression: 'attribute_not_exists(pk)' } },
      this.put({ ...visitKeys.bookedInWeek(visit.weekId, visit.visitId), visitId: visit.visitId, elderId: visit.elderId, volunteerId: visit.volunteerId, windowStart: visit.windowStart }),
    ]);
  }

  update(visitId: string, expectedVersion: number, set: Partial<Visit>, remove: Array<keyof Visit> = []): Promise<boolean> {
    const { visitId: _id, ...change } = set;
    return writeOrLose(this.db.send(new UpdateCommand({ TableName: this.tableName, Key: visitKeys.meta(visitId), ...versionedUpdate({ expectedVersion, set: change, remove }) })));
  }

  async pointCheckIn(volunteerId: string, visitId: string | null): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...volunteerKeys.checkIn(volunteerId), visitId } }));
  }

  async checkInPointer(volunteerId: string): Promise<string | undefined> {
    return (await this.get<{ visitId: string | null }>(volunteerKeys.checkIn(volunteerId)))?.visitId ?? undefined;
  }
}
