/**
 * The API's field errors (ApiProblem.fields, keyed by path: `phone`, `beneficiary.name`) beside their
 * fields: `error(key)` is the message under the field, `described(key)` marks the input invalid and
 * points it at that message for assistive technology. A key also takes its nested paths' errors.
 */
export function fieldErrors(fields: Record<string, string>) {
  const textOf = (key: string) => fields[key] ?? Object.entries(fields).find(([k]) => k.startsWith(`${key}.`))?.[1];
  return {
    error: (key: string) => {
      const text = textOf(key);
      return text ? (
        <span class="field-error" id={`err-${key}`}>
          {text}
        </span>
      ) : null;
    },
    described: (key: string) => (textOf(key) ? { 'aria-invalid': true, 'aria-describedby': `err-${key}` } : {}),
  };
}
