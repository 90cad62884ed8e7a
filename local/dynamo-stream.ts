import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand, type DynamoDBStreamsClient, type _Record, type Shard } from '@aws-sdk/client-dynamodb-streams';
import { z } from 'zod';
import type { LocalStreamTrigger } from './serverless-config';
import { readState, writeState } from './state-file';

/** One record as Lambda hands it to a function in a DynamoDB stream event. */
export interface LambdaStreamRecord {
  eventID?: string;
  eventName?: string;
  eventVersion?: string;
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  eventSourceARN: string;
  dynamodb: { SequenceNumber: string; ApproximateCreationDateTime?: number; Keys?: unknown; NewImage?: unknown; OldImage?: unknown; SizeBytes?: number; StreamViewType?: string };
}

/**
 * Lambda's event filtering, as far as serverless.yml uses it: every key of a pattern must match; a
 * leaf is a list of allowed values, each a plain value or one of `prefix`, `exists`, `anything-but`.
 * Anything else is refused when the stack starts, rather than matched wrongly.
 */
export function compileFilter(patterns: unknown[]): (record: unknown) => boolean {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const leaf = (rule: unknown): ((value: unknown) => boolean) => {
    if (!isObject(rule)) return (value) => value === rule;
    const entries = Object.entries(rule);
    const [op, arg] = entries[0] ?? [];
    if (entries.length === 1 && op === 'prefix' && typeof arg === 'string') return (value) => typeof value === 'string' && value.startsWith(arg);
    if (entries.length === 1 && op === 'exists' && typeof arg === 'boolean') return (value) => (value !== undefined) === arg;
    if (entries.length === 1 && op === 'anything-but') {
      const excluded = ([] as unknown[]).concat(arg);
      return (value) => value !== undefined && !excluded.includes(value);
    }
    throw new Error(`stream filter: ${JSON.stringify(rule)} is not emulated locally`);
  };
  const compile = (pattern: unknown): ((node: unknown) => boolean) => {
    if (!isObject(pattern)) throw new Error(`stream filter: a pattern is an object, got ${JSON.stringify(pattern)}`);
    const checks = Object.entries(pattern).map(([key, rule]): ((node: unknown) => boolean) => {
      if (Array.isArray(rule)) {
        const allowed = rule.map(leaf);
        return (node) => isObject(node) && allowed.some((match) => match(node[key]));
      }
      const nested = compile(rule);
      return (node) => isObject(node) && nested(node[key]);
    });
    return (node) => checks.every((check) => check(node));
  };
  const compiled = patterns.map(compile);
  return compiled.length ? (record) => compiled.some((match) => match(record)) : () => true;
}

const checkpointSchema = z.object({ streamArn: z.string(), shards: z.record(z.string(), z.string()) });
const batchResponseSchema = z.object({ batchItemFailures: z.array(z.object({ itemIdentifier: z.unknown() })) }).passthrough();

interface ShardState {
  id: string;
  parent?: string;
  iterator?: string;
  done: boolean;
}

export interface StreamPollerOptions {
  /** For messages: the function and table it connects. */
  label: string;
  streams: DynamoDBStreamsClient;
  dynamo: DynamoDBClient;
  tableName: string;
  region: string;
  trigger: LocalStreamTrigger;
  /** Calls the function as Lambda would; a throw is a failed invocation. */
  invoke: (event: { Records: LambdaStreamRecord[] }) => Promise<unknown>;
  /** Where the last sequence number handed over per shard is kept between runs; none: in memory. */
  checkpointFile?: string;
  log: (line: string) => void;
  /**
   * Real milliseconds before the next poll once a poll found nothing: the first, doubling while the
   * stream stays quiet up to the second (Lambda's own pollers back off too). The stack drains every
   * stream itself whenever it settles, so the timer only catches writes from outside it.
   */
  idleMs?: { first: number; max: number };
}

const IDLE_MS = { first: 100, max: 1600 };

/**
 * Lambda's event source mapping for a DynamoDB stream, on DynamoDB Local: reads every shard in order
 * (a child after its parent), drops records the function's filter does not match, and invokes the
 * function with batches of real stream-event records. A batch whose function throws is retried (split
 * in halves with `bisectBatchOnFunctionError`); with `ReportBatchItemFailures` only from the first
 * failed record on; after `maximumRetryAttempts` it is given up and logged (where AWS would send its
 * description to the on-failure destination).
 *
 * Restart: shard iterators do not survive one, so the sequence number last handed over is kept per
 * shard in the data folder, written after each batch, and reading resumes after it. A kill between a
 * batch and its checkpoint hands that batch over again, exactly as Lambda may redeliver: the function
 * must tolerate it (the SMS sender finds each outcome recorded and sends nothing twice). A checkpoint
 * DynamoDB Local has trimmed (records are kept 24 hours) falls back to the oldest record kept.
 */
export class DynamoStreamPoller {
  private streamArn = '';
  private readonly shards = new Map<string, ShardState>();
  private checkpoints: Record<string, string> = {};
  private describeNeeded = true;
  private firstDescribe = true;
  private current: Promise<number> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly matches: (record: unknown) => boolean;
  private lastError = '';

  constructor(private readonly opts: StreamPollerOptions) {
    this.matches = compileFilter(opts.trigger.filterPatterns);
  }

  async start(): Promise<void> {
    const table = await this.opts.dynamo.send(new DescribeTableCommand({ TableName: this.opts.tableName }));
    const arn = table.Table?.LatestStreamArn;
    if (!arn || !table.Table?.StreamSpecification?.StreamEnabled) throw new Error(`${this.opts.label}: table ${this.opts.tableName} has no stream`);
    this.streamArn = arn;
    const saved = this.opts.checkpointFile ? readState(this.opts.checkpointFile, checkpointSchema) : undefined;
    // A checkpoint of another stream (the table was made anew) says nothing about this one.
    if (saved?.streamArn === arn) this.checkpoints = saved.shards;
    this.firstDescribe = !saved;
    this.poll();
  }

  /**
   * Resolves once a poll that began after the call found nothing to hand over; returns how many
   * records were handed over meanwhile (so a caller waiting for quiet knows to look again).
   */
  async drain(): Promise<number> {
    let delivered = this.current ? await this.current.catch(() => 0) : 0;
    for (;;) {
      const n = await this.round();
      delivered += n;
      if (n === 0) return delivered;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current?.catch(() => undefined);
  }

  /** The wait before the next poll while the stream stays quiet. */
  private idleFor = 0;

  private poll(): void {
    if (this.stopped) return;
    this.round().then(
      (n) => {
        this.lastError = '';
        const idle = this.opts.idleMs ?? IDLE_MS;
        this.idleFor = n ? 0 : this.idleFor ? Math.min(idle.max, this.idleFor * 2) : idle.first;
        this.timer = setTimeout(() => this.poll(), this.idleFor);
        this.timer.unref();
      },
      (err: Error) => {
        // Said once, not every 100 ms; the poll goes on.
        if (err.message !== this.lastError) this.opts.log(`${this.opts.label}: stream poll failed: ${err.message}`);
        this.lastError = err.message;
        this.timer = setTimeout(() => this.poll(), 1000);
        this.timer.unref();
      },
    );
  }

  /** One pass over every readable shard to its end; polls never overlap. */
  private round(): Promise<number> {
    if (this.stopped) return Promise.resolve(0);
    this.current ??= this.readShards().finally(() => (this.current = undefined));
    return this.current;
  }

  private async readShards(): Promise<number> {
    if (this.describeNeeded) await this.describe();
    let delivered = 0;
    for (const shard of this.shards.values()) {
      const parent = shard.parent ? this.shards.get(shard.parent) : undefined;
      if (shard.done || (parent && !parent.done)) continue;
      for (;;) {
        shard.iterator ??= await this.iteratorFor(shard);
        let out;
        try {
          out = await this.opts.streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: 1000 }));
        } catch (err) {
          const name = (err as Error).name;
          if (name !== 'ExpiredIteratorException' && name !== 'TrimmedDataAccessException') throw err;
          delete shard.iterator;
          if (name === 'TrimmedDataAccessException') delete this.checkpoints[shard.id];
          continue;
        }
        const records = out.Records ?? [];
        const wanted = records.map((r) => this.lambdaRecord(r)).filter((r) => this.matches(r));
        for (let i = 0; i < wanted.length; i += this.opts.trigger.batchSize) await this.handOver(wanted.slice(i, i + this.opts.trigger.batchSize), 0);
        delivered += wanted.length;
        const last = records.at(-1)?.dynamodb?.SequenceNumber;
        if (last) this.checkpoint(shard.id, last);
        if (out.NextShardIterator) shard.iterator = out.NextShardIterator;
        else {
          shard.done = true;
          this.describeNeeded = true;
        }
        if (shard.done || records.length === 0) break;
      }
    }
    return delivered;
  }

  private async describe(): Promise<void> {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const out = await this.opts.streams.send(new DescribeStreamCommand({ StreamArn: this.streamArn, ...(start ? { ExclusiveStartShardId: start } : {}) }));
      shards.push(...(out.StreamDescription?.Shards ?? []));
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    for (const s of shards) {
      if (!s.ShardId || this.shards.has(s.ShardId)) continue;
      this.shards.set(s.ShardId, { id: s.ShardId, ...(s.ParentShardId ? { parent: s.ParentShardId } : {}), done: false });
    }
    this.describeNeeded = false;
  }

  private async iteratorFor(shard: ShardState): Promise<string> {
    const after = this.checkpoints[shard.id];
    const latest = this.firstDescribe && this.opts.trigger.startingPosition === 'LATEST';
    const request = after
      ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' as const, SequenceNumber: after }
      : { ShardIteratorType: latest ? ('LATEST' as const) : ('TRIM_HORIZON' as const) };
    try {
      const out = await this.opts.streams.send(new GetShardIteratorCommand({ StreamArn: this.streamArn, ShardId: shard.id, ...request }));
      return out.ShardIterator!;
    } catch (err) {
      if (!after || (err as Error).name !== 'TrimmedDataAccessException') throw err;
      delete this.checkpoints[shard.id];
      return this.iteratorFor(shard);
    }
  }

  private checkpoint(shardId: string, sequenceNumber: string): void {
    this.checkpoints[shardId] = sequenceNumber;
    if (this.opts.checkpointFile) writeState(this.opts.checkpointFile, { streamArn: this.streamArn, shards: this.checkpoints });
  }

  /** As Lambda passes it: plain JSON, times in epoch seconds, binary in base64. */
  private lambdaRecord(r: _Record): LambdaStreamRecord {
    const plain = JSON.parse(
      JSON.stringify(r.dynamodb ?? {}, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value)),
    ) as LambdaStreamRecord['dynamodb'];
    const created = r.dynamodb?.ApproximateCreationDateTime;
    return {
      ...(r.eventID ? { eventID: r.eventID } : {}),
      ...(r.eventName ? { eventName: r.eventName } : {}),
      ...(r.eventVersion ? { eventVersion: r.eventVersion } : {}),
      eventSource: 'aws:dynamodb',
      awsRegion: this.opts.region,
      eventSourceARN: this.streamArn,
      dynamodb: { ...plain, ...(created ? { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) } : {}) },
    };
  }

  private exhausted(attempt: number): boolean {
    const max = this.opts.trigger.maximumRetryAttempts;
    return max >= 0 && attempt >= max;
  }

  private async handOver(batch: LambdaStreamRecord[], attempt: number): Promise<void> {
    let response: unknown;
    try {
      response = await this.opts.invoke({ Records: batch });
    } catch (err) {
      if (this.exhausted(attempt)) return this.giveUp(batch, (err as Error).message);
      if (this.opts.trigger.bisectBatchOnFunctionError && batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        await this.handOver(batch.slice(0, half), attempt + 1);
        await this.handOver(batch.slice(half), attempt + 1);
        return;
      }
      return this.handOver(batch, attempt + 1);
    }
    if (!this.opts.trigger.reportBatchItemFailures) return;
    const parsed = batchResponseSchema.safeParse(response);
    const failed = parsed.success ? parsed.data.batchItemFailures.map((f) => f.itemIdentifier) : [];
    if (!failed.length) return;
    // As Lambda: retry from the lowest failed record; an identifier not in the batch fails it whole.
    const positions = failed.map((id) => batch.findIndex((r) => r.dynamodb.SequenceNumber === id));
    const from = positions.includes(-1) ? 0 : Math.min(...positions);
    if (this.exhausted(attempt)) return this.giveUp(batch.slice(from), 'records reported as failed');
    return this.handOver(batch.slice(from), attempt + 1);
  }

  private giveUp(batch: LambdaStreamRecord[], why: string): void {
    const seqs = batch.map((r) => r.dynamodb.SequenceNumber);
    this.opts.log(`${this.opts.label}: gave up ${batch.length} record(s) ${seqs[0]}…${seqs.at(-1)} after ${this.opts.trigger.maximumRetryAttempts} retries (${why}); on AWS they go to the on-failure destination`);
  }
}
