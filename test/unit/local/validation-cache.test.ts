import { randomUUID } from 'node:crypto';
import { validateOnce } from '../../../local/sfn/validation-cache';

/** A definition no earlier run can have validated. */
const fresh = () => ({ StartAt: 'Done', States: { Done: { Type: 'Succeed', Comment: randomUUID() } } });

describe('validating a state machine definition once', () => {
  it('validates a definition the first time only, and again when it changes', () => {
    const definition = fresh();
    const validate = jest.fn();
    validateOnce(definition, validate);
    validateOnce(JSON.parse(JSON.stringify(definition)), validate);
    expect(validate).toHaveBeenCalledTimes(1);
    validateOnce({ ...definition, Comment: 'changed' }, validate);
    expect(validate).toHaveBeenCalledTimes(2);
  });

  it("keys what it remembers by the engine's version: another version validates again, an unknown one every time", () => {
    const definition = fresh();
    const validate = jest.fn();
    validateOnce(definition, validate);
    validateOnce(definition, validate, '0.0.0-another');
    validateOnce(definition, validate, null);
    validateOnce(definition, validate, null);
    expect(validate).toHaveBeenCalledTimes(4);
  });

  it('never remembers a definition that failed: it is refused every time', () => {
    const definition = fresh();
    const refuse = () => {
      throw new Error('invalid definition');
    };
    expect(() => validateOnce(definition, refuse)).toThrow('invalid definition');
    expect(() => validateOnce(definition, refuse)).toThrow('invalid definition');
  });
});
