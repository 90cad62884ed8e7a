/**
 * A command as a use case receives it: from an HTTP route, a reader that parses the request body,
 * called only once the caller is known to be in scope of the record (so 403 comes before 400 and an
 * outsider learns nothing of the schema); from SMS or a workflow task, the command itself.
 */
export type CommandSource<T extends object> = T | (() => T);

export function commandFrom<T extends object>(source: CommandSource<T>): T {
  return typeof source === 'function' ? source() : source;
}
