/**
 * The loop that turns a column of uniforms into an input's values, `column[i] = quantile(column[i])`,
 * compiled once per distribution. One shared loop would call five or more different quantile
 * functions from one call site, which V8 then cannot inline (a "megamorphic" call): measured on the
 * mission scenario, ~190–220 ns a sample for its five uncertain inputs' quantiles through one shared
 * loop. `new Function` gives every distribution a loop of its own, whose call site sees one callee.
 */
export type QuantileLoop = (column: Float64Array, length: number) => void;

export function quantileLoop(quantile: (u: number) => number): QuantileLoop {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a fresh function literal per distribution (see above)
  const make = new Function(
    'quantile',
    'return function quantileLoop(column, length) { for (let i = 0; i < length; i++) column[i] = quantile(column[i]); };',
  ) as (q: (u: number) => number) => QuantileLoop;
  return make(quantile);
}
