/** Intersection of a union: `A | B` → `A & B`. */
type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * One catalogue from its sections (one per page area). Keys are unique across sections (checked in
 * test/ui/i18n.test.ts), so the order only matters for reading.
 */
export function mergeSections<S extends readonly Record<string, string>[]>(...sections: S): Intersect<S[number]> {
  return Object.assign({}, ...sections) as Intersect<S[number]>;
}
