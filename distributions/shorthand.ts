/**
 * The string shorthand `"a to b"` (Squiggle, Guesstimate): a lognormal with 90% of its mass in
 * [a, b]. Numbers are written as in JavaScript (`10e9`, `1.5`, `.25`, `-3`), optionally followed by
 * a scale suffix: k = 1e3, M = 1e6, B = 1e9, T = 1e12 (`10B` = 1e10, `1.5e3k` = 1.5e6).
 */

const NUMBER = String.raw`([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:[eE]([+-]?\d+))?([kMBT]?)`;
const QUANTITY = new RegExp(`^\\s*${NUMBER}\\s*$`);
const RANGE = new RegExp(`^\\s*${NUMBER}\\s+[Tt][Oo]\\s+${NUMBER}\\s*$`);

const SUFFIX_EXPONENT: Readonly<Record<string, number>> = { '': 0, k: 3, M: 6, B: 9, T: 12 };

/** The value of a number written with an optional k/M/B/T suffix, or undefined if `text` is not one. */
export function parseQuantity(text: string): number | undefined {
  const match = QUANTITY.exec(text);
  return match === null ? undefined : quantityOf(match[1]!, match[2], match[3]!);
}

/** `{ low, high }` of `"low to high"` (no order or sign checked), or undefined if `text` is not that form. */
export function parseRange(text: string): { low: number; high: number } | undefined {
  const match = RANGE.exec(text);
  if (match === null) return undefined;
  return { low: quantityOf(match[1]!, match[2], match[3]!), high: quantityOf(match[4]!, match[5], match[6]!) };
}

/** Written as one decimal literal (`mantissa e (exponent + suffix)`) so the value is correctly rounded. */
function quantityOf(mantissa: string, exponent: string | undefined, suffix: string): number {
  const power = Number(exponent ?? 0) + SUFFIX_EXPONENT[suffix]!;
  return Number(`${mantissa}e${power}`);
}
