/**
 * What a store hands out or keeps is a copy, as a database's read or write is: a caller changing an
 * object it read (or wrote) changes nothing stored, so a fake cannot hide a use case that relies on that.
 */
export const copy = <T>(value: T): T => structuredClone(value);
