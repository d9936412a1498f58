/**
 * Quantile programs: a distribution's KernelSpec (distributions/types.ts) written as the doubles
 * kernels/draw.ts reads — [family, truncated, low, high, massBelow, mass, uFloor, uCeiling,
 * parameters…] — with its quantile table or atoms copied into the kernel's memory.
 */
import type { Distribution } from '../../distributions/index.js';
import type { Kernel } from './kernel.js';

const FAMILY_CODES = { uniform: 1, loguniform: 2, normal: 3, lognormal: 4, triangular: 5, table: 6, discrete: 7 } as const;

/** Program slots before a family's parameters. */
const HEADER = 8;

/** Writes `distribution`'s quantile program into the kernel's memory; null when the family has none (its quantiles stay in JavaScript). */
export function writeProgram(kernel: Kernel, distribution: Distribution): number | null {
  const spec = distribution.kernel;
  if (!spec) return null;
  let parameters = [...spec.parameters];
  if (spec.family === 'table') {
    const { id, at } = kernel.placeTable(spec.table!);
    parameters = [...parameters, at, id];
  } else if (spec.family === 'discrete') {
    const atoms = kernel.reserveF64(spec.atoms!.length);
    kernel.f64(atoms, spec.atoms!.length).set(spec.atoms!);
    const cumulative = kernel.reserveF64(spec.cumulative!.length);
    kernel.f64(cumulative, spec.cumulative!.length).set(spec.cumulative!);
    parameters = [...parameters, atoms, cumulative];
  }
  const at = kernel.reserveF64(HEADER + parameters.length);
  const program = kernel.f64(at, HEADER + parameters.length);
  program[0] = FAMILY_CODES[spec.family];
  if (spec.truncate) {
    program[1] = 1;
    program.set(spec.truncate, 2);
  }
  program.set(parameters, HEADER);
  return at;
}
