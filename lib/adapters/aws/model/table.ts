/**
 * The single table's key model, declared once per entity in the files beside this one, in the
 * ElectroDB style (an entity names its partition and sort key and its index keys from its own
 * attributes, and every store builds keys only through it). ElectroDB itself does not fit: our stores
 * are mostly TransactWriteItems across several entities with hand-written conditions (a case, its
 * event, its metrics and its SMS in one write), which ElectroDB's transactions model only partly, and it
 * would own the attribute names (`__edb_e__`, composite key formats) of data already stored.
 *
 * Key SHAPES are stored data: items written before a change must still be found, and the re-key step
 * and the reconciler scan by prefix. test/unit/adapters/model-keys.test.ts holds every shape to a
 * literal string, so an edit here cannot change one silently.
 */

/** Every item has `pk`/`sk`; the two global secondary indexes are `gsi1` and `gsi2`. */
export interface TableKey {
  pk: string;
  sk: string;
}

export interface Gsi1Key {
  gsi1pk: string;
  gsi1sk: string;
}

export interface Gsi2Key {
  gsi2pk: string;
  gsi2sk: string;
}

/** The key attributes, which the domain never sees (`withoutKeys`). */
export const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'] as const;

/** The attributes a GSI1 / GSI2 entry is made of, for an item leaving an index. */
export const GSI1_ATTRIBUTES = ['gsi1pk', 'gsi1sk'] as const;
export const GSI2_ATTRIBUTES = ['gsi2pk', 'gsi2sk'] as const;

/** The top of a sort-key range that takes every key starting with `prefix` (keys are short ASCII). */
export const upToEndOf = (prefix: string) => `${prefix}\uffff`;
