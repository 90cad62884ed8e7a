import { DynamoCaseStore } from '../../lib/adapters/aws/dynamo-case-store';
import { DynamoPointsLedger } from '../../lib/adapters/aws/dynamo-points-ledger';
import { DynamoRepairStore } from '../../lib/adapters/aws/dynamo-repair-store';
import { DynamoVisitStore } from '../../lib/adapters/aws/dynamo-visit-store';
import { DynamoWishStore } from '../../lib/adapters/aws/dynamo-wish-store';
import { DynamoOnceStore } from '../../lib/adapters/aws/dynamo-once-store';
import { DynamoOptOutStore } from '../../lib/adapters/aws/dynamo-opt-out-store';
import { DynamoRateLimiter } from '../../lib/adapters/aws/dynamo-rate-limiter';
import { DynamoReferenceData } from '../../lib/adapters/aws/dynamo-reference-data';
import { DynamoSmsOutbox } from '../../lib/adapters/aws/dynamo-sms-outbox';
import { seedDemoData } from '../../local/seed/seed';
import { FakeClock } from '../support/fakes/clock';
import { dynamoTables } from './dynamo-tables';
import { describeCaseStoreContract } from './case-store.contract';
import { describePointsLedgerContract } from './points-ledger.contract';
import { describeRepairStoreContract } from './repair-store.contract';
import { describeVisitStoreContract } from './visit-store.contract';
import { describeWishStoreContract } from './wish-store.contract';
import { describeOnceStoreContract } from './once-store.contract';
import { describeOptOutListContract } from './opt-out-list.contract';
import { describeRateLimiterContract } from './rate-limiter.contract';
import { describeReferenceDataContract } from './reference-data.contract';
import { describeSmsOutboxContract } from './sms-outbox.contract';

/** The DynamoDB adapters hold to the same contracts as the fakes, against DynamoDB Local (a fresh table per test). */
const tables = dynamoTables();

describeOnceStoreContract('DynamoDB', async () => {
  const { db, tableName } = await tables.freshTable();
  const clock = new FakeClock();
  return { store: new DynamoOnceStore(db, tableName, clock), clock };
});
describeOptOutListContract('DynamoDB', async () => {
  const { db, tableName } = await tables.freshTable();
  return new DynamoOptOutStore(db, tableName);
});
describeRateLimiterContract('DynamoDB', async () => {
  const { db, tableName } = await tables.freshTable();
  return new DynamoRateLimiter(db, tableName);
});
describeReferenceDataContract('DynamoDB', async () => {
  const { db, tableName } = await tables.freshTable();
  await seedDemoData(db, tableName);
  return new DynamoReferenceData(db, tableName);
});
describeSmsOutboxContract('DynamoDB', async () => {
  const { db, tableName } = await tables.freshTable();
  return new DynamoSmsOutbox(db, tableName);
});
describeCaseStoreContract('DynamoDB', async () => {
  const { db, tableName } = await tables.freshTable();
  return { store: new DynamoCaseStore(db, tableName), outbox: new DynamoSmsOutbox(db, tableName) };
});
describeRepairStoreContract('DynamoDB', async () => {
  const { db, tableName } = await tables.freshTable();
  return { repair: new DynamoRepairStore(db, tableName), cases: new DynamoCaseStore(db, tableName), wishes: new DynamoWishStore(db, tableName), visits: new DynamoVisitStore(db, tableName) };
});
describeVisitStoreContract('DynamoDB', async () => {
  const { db, tableName } = await tables.freshTable();
  return new DynamoVisitStore(db, tableName);
});
describeWishStoreContract('DynamoDB', async () => {
  const { db, tableName } = await tables.freshTable();
  return new DynamoWishStore(db, tableName);
});
describePointsLedgerContract('DynamoDB', async () => {
  const { db, tableName } = await tables.freshTable();
  return { ledger: new DynamoPointsLedger(db, tableName), visits: new DynamoVisitStore(db, tableName) };
});
