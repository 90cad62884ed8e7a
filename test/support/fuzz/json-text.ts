/**
 * JSON text with literals `JSON.stringify` cannot write (`-0`, `1e400`, a number with 400 digits):
 * hostile bodies need them, and the check that a body is invalid must see what the server will parse.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

// JSON.stringify writes the NUL of the marker as the escape `\u0000`, which no hostile string of ours spells out.
const MARKER = '\u0000raw-json-';
const PLACEHOLDER = /"\\u0000raw-json-(\d+)"/g;

export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `${MARKER}${raws.length - 1}`;
    }
    return v;
  });
  return (text ?? 'null').replace(PLACEHOLDER, (_m, i: string) => raws[Number(i)]!);
}

/** What the server's `JSON.parse` makes of the text, or `undefined` when it is not JSON at all. */
export function parsedOrUndefined(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}
