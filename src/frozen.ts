/**
 * Exported catalogues and lists are frozen, with everything they hold: the library hands them to its
 * callers, and sora-mc itself reads them (workers match outputs by their index in OUTPUT_KEYS, scenarios
 * are checked against INPUTS' domains), so a caller's `OUTPUT_KEYS.sort()` must fail, not relabel outputs.
 */

/** A type whose objects and arrays, at every depth, cannot be written to. */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown ? T : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** `value`, frozen together with every object and array it holds (and typed so). */
export function deepFrozen<T>(value: T): DeepReadonly<T> {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFrozen(inner);
  }
  return value as DeepReadonly<T>;
}
