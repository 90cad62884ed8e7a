import { z } from 'zod';
import { LocalStepFunctions, SfnApiError } from './engine';
import { serviceUnavailable, type FaultInjector } from '../faults';
import type { JsonRoute } from '../http-util';

const epoch = (d: Date | undefined) => (d ? d.getTime() / 1000 : undefined);

/** The operations of the Step Functions JSON protocol the project and its tests use. */
export function sfnOperations(engine: LocalStepFunctions): Record<string, (body: any) => unknown> {
  return {
    ListStateMachines: () => ({ stateMachines: engine.listStateMachines().map((m) => ({ ...m, creationDate: epoch(m.creationDate) })) }),
    StartExecution: (b) => {
      const out = engine.startExecution(String(b.stateMachineArn), b.name, b.input);
      return { executionArn: out.executionArn, startDate: epoch(out.startDate) };
    },
    DescribeExecution: (b) => {
      const e = engine.describe(String(b.executionArn));
      return {
        executionArn: e.executionArn,
        stateMachineArn: e.stateMachineArn,
        name: e.name,
        status: e.status,
        startDate: epoch(e.startDate),
        stopDate: epoch(e.stopDate),
        input: e.input,
        output: e.output,
        error: e.error,
        cause: e.cause,
      };
    },
    ListExecutions: (b) => ({
      executions: engine
        .list(String(b.stateMachineArn), b.statusFilter)
        .slice(0, Number(b.maxResults ?? 100) || 100)
        .map((e) => ({ executionArn: e.executionArn, stateMachineArn: e.stateMachineArn, name: e.name, status: e.status, startDate: epoch(e.startDate), stopDate: epoch(e.stopDate) })),
    }),
    GetExecutionHistory: (b) => {
      const events = engine.describe(String(b.executionArn)).history.map((h) => ({
        id: h.id,
        previousEventId: h.previousEventId,
        timestamp: epoch(h.timestamp),
        type: h.type,
        ...h.details,
      }));
      return { events: b.reverseOrder ? events.reverse() : events };
    },
    StopExecution: (b) => ({ stopDate: epoch(engine.stopExecution(String(b.executionArn), b.error, b.cause)) }),
    SendTaskSuccess: (b) => (engine.sendTaskSuccess(b.taskToken, b.output), {}),
    SendTaskFailure: (b) => (engine.sendTaskFailure(b.taskToken, b.error, b.cause), {}),
    SendTaskHeartbeat: (b) => (engine.sendTaskHeartbeat(b.taskToken), {}),
  };
}

const targetSchema = z.string().regex(/^AWSStepFunctions\.\w+$/);

/** Serves the Step Functions JSON 1.0 protocol: `X-Amz-Target: AWSStepFunctions.<Operation>`. */
export function sfnRoute(engine: LocalStepFunctions, faults?: FaultInjector): JsonRoute {
  const operations = sfnOperations(engine);
  return async (req, rawBody) => {
    if (faults?.strike('stepFunctions') !== undefined) return serviceUnavailable(true);
    const target = targetSchema.safeParse(req.headers['x-amz-target']);
    const operation = target.success ? operations[target.data.split('.')[1]!] : undefined;
    if (!operation) return { status: 400, body: { __type: 'UnknownOperationException', message: `unsupported target ${String(req.headers['x-amz-target'])}` } };
    try {
      return { status: 200, body: operation(rawBody ? JSON.parse(rawBody) : {}) ?? {} };
    } catch (err) {
      if (err instanceof SfnApiError) return { status: 400, body: { __type: err.code, message: err.message }, headers: { 'x-amzn-errortype': err.code } };
      throw err;
    }
  };
}
