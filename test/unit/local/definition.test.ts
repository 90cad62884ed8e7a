import { HEARTBEAT_KEY, LOCAL_WAIT_RESOURCE, prepareDefinition, STATE_INPUT_KEY, TIMEOUT_KEY, TOKEN_PLACEHOLDER } from '../../../local/sfn/definition';

describe('prepareDefinition', () => {
  const definition = {
    StartAt: 'Wait a day',
    States: {
      'Wait a day': { Type: 'Wait', SecondsPath: '$.seconds', InputPath: '$', Next: 'Ask a person' },
      'Ask a person': {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: 'f', Payload: { 'token.$': '$$.Task.Token', 'id.$': '$.id' } },
        TimeoutSecondsPath: '$.limit',
        HeartbeatSeconds: 60,
        End: true,
      },
    },
  };

  it('turns a Wait into a task on the virtual clock that keeps its input', () => {
    const { definition: out, tasks } = prepareDefinition(definition);
    expect(out.States['Wait a day']).toMatchObject({ Type: 'Task', Resource: LOCAL_WAIT_RESOURCE, Parameters: { 'seconds.$': '$.seconds' }, ResultPath: null, InputPath: '$', Next: 'Ask a person' });
    expect(tasks.get('Wait a day')?.kind).toBe('wait');
  });

  it('replaces the task token and carries the timeouts to the engine', () => {
    const { definition: out, tasks } = prepareDefinition(definition);
    const state = out.States['Ask a person']!;
    expect(state.Parameters).toEqual({
      FunctionName: 'f',
      Payload: { token: TOKEN_PLACEHOLDER, 'id.$': '$.id' },
      [`${TIMEOUT_KEY}.$`]: '$.limit',
      [HEARTBEAT_KEY]: 60,
      [`${STATE_INPUT_KEY}.$`]: '$',
    });
    expect(state.TimeoutSecondsPath).toBeUndefined();
    expect(state.HeartbeatSeconds).toBeUndefined();
    expect(tasks.get('Ask a person')?.kind).toBe('token');
  });

  it('hands every pausing state its raw input, so the engine can resume there', () => {
    const { definition: out } = prepareDefinition(definition);
    expect(out.States['Wait a day']!.Parameters).toMatchObject({ [`${STATE_INPUT_KEY}.$`]: '$' });
  });

  it('refuses an InputPath on a pausing state, which would hide the input to resume with', () => {
    const narrowed = { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 1, InputPath: '$.plan', End: true } } };
    expect(() => prepareDefinition(narrowed)).toThrow(/InputPath/);
  });

  it('leaves the original definition untouched', () => {
    prepareDefinition(definition);
    expect(definition.States['Wait a day'].Type).toBe('Wait');
  });

  it('refuses waits inside parallel branches', () => {
    const nested = { StartAt: 'P', States: { P: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 1, End: true } } }] } } };
    expect(() => prepareDefinition(nested)).toThrow(/not supported locally/);
  });
});
