/**
 * Rank correlations between inputs, as a scenario writes them, checked and resolved.
 *
 * A scenario writes either pairs or a matrix:
 *
 *   correlations:                                  correlations:
 *     - { between: [soraParams, datasetMultiplier], rank: 0.6 }    inputs: [a, b, c]
 *                                                     matrix: [[1, 0.6, 0], [0.6, 1, 0], [0, 0, 1]]
 *
 * Each value is a Spearman rank correlation. The sampler applies them through a Gaussian copula
 * (src/sampling/copula.ts), whose normal-score correlation r gives Spearman ρ = (6/π) asin(r/2)
 * (Pearson 1907; Kruskal 1958), so the normal matrix is r = 2 sin(πρ/6) entry by entry. A copula
 * leaves every input's marginal distribution exactly as written.
 *
 * The resolved form lists the correlated inputs in catalogue order (INPUT_KEYS), so the assumption
 * hash does not depend on the order a file names them in; inputs not listed are independent.
 */
import { createRequire } from 'node:module';
import type * as MatrixLibrary from 'ml-matrix';
import { SoraError, show } from '../errors.js';
import { INPUT_KEYS, type InputKey } from '../model/inputs.js';

export interface ResolvedCorrelations {
  /** The correlated inputs, in catalogue order. */
  inputs: InputKey[];
  /** Spearman rank correlations between them, as the scenario asks (symmetric, 1 on the diagonal). */
  rank: number[][];
  /** The Gaussian copula's normal-score correlations: 2 sin(π ρ / 6) entry by entry. */
  normal: number[][];
}

/** Tolerance on symmetry and on a negative eigenvalue (rounding in a written matrix, e.g. 0.3333). */
const SYMMETRY_TOLERANCE = 1e-9;
const EIGEN_TOLERANCE = 1e-10;

/** The normal-score correlation a Gaussian copula needs for Spearman's ρ. */
export function normalFromSpearman(rho: number): number {
  return 2 * Math.sin((Math.PI * rho) / 6);
}

/** Spearman's ρ of a Gaussian copula with normal-score correlation r (the inverse of normalFromSpearman). */
export function spearmanFromNormal(r: number): number {
  return (6 / Math.PI) * Math.asin(r / 2);
}

function inputName(value: unknown, path: string, uncertain: ReadonlySet<InputKey>): InputKey {
  if (typeof value !== 'string' || !(INPUT_KEYS as readonly string[]).includes(value)) {
    throw new SoraError('a correlation names an unknown input', {
      path,
      expected: 'an input of `sora-mc inputs` with a distribution in this scenario',
      found: show(value),
    });
  }
  const key = value as InputKey;
  if (!uncertain.has(key)) {
    throw new SoraError(`a correlation names ${key}, which is fixed in this scenario`, {
      path,
      expected: `an uncertain input (one with a distribution): ${[...uncertain].join(', ') || 'none in this scenario'}`,
      found: `${key}, fixed at one value`,
      hint: 'give the input a distribution, or drop the correlation',
    });
  }
  return key;
}

function coefficient(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < -1 || value > 1) {
    throw new SoraError('a rank correlation must lie in [−1, 1]', { path, expected: 'a number in [−1, 1]', found: show(value) });
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Pairs → a full matrix over the named inputs (catalogue order), unnamed pairs 0. */
function fromPairs(pairs: unknown[], uncertain: ReadonlySet<InputKey>): { inputs: InputKey[]; matrix: number[][] } {
  const written = new Map<string, number>();
  const named = new Set<InputKey>();
  pairs.forEach((pair, i) => {
    const at = `correlations[${i}]`;
    if (!isObject(pair) || !Array.isArray(pair.between) || pair.between.length !== 2 || Object.keys(pair).some((k) => k !== 'between' && k !== 'rank')) {
      throw new SoraError('a correlation pair names two inputs and their rank correlation', {
        path: at,
        expected: '{ between: [inputA, inputB], rank: ρ }',
        found: show(pair),
      });
    }
    const a = inputName(pair.between[0], `${at}.between[0]`, uncertain);
    const b = inputName(pair.between[1], `${at}.between[1]`, uncertain);
    if (a === b) throw new SoraError('a correlation pair names the same input twice', { path: `${at}.between`, expected: 'two different inputs', found: show(pair.between) });
    const rho = coefficient(pair.rank, `${at}.rank`);
    const id = [a, b].sort().join(' ');
    if (written.has(id)) throw new SoraError('a correlation pair is given twice', { path: `${at}.between`, expected: 'each pair of inputs at most once', found: `${a} and ${b} again` });
    written.set(id, rho);
    named.add(a).add(b);
  });
  const inputs = INPUT_KEYS.filter((key) => named.has(key));
  const matrix = inputs.map((a) => inputs.map((b) => (a === b ? 1 : written.get([a, b].sort().join(' ')) ?? 0)));
  return { inputs, matrix };
}

/** { inputs, matrix } → the same matrix over the inputs in catalogue order. */
function fromMatrix(written: Record<string, unknown>, uncertain: ReadonlySet<InputKey>): { inputs: InputKey[]; matrix: number[][] } {
  const extra = Object.keys(written).find((k) => k !== 'inputs' && k !== 'matrix');
  if (extra !== undefined || !Array.isArray(written.inputs) || !Array.isArray(written.matrix)) {
    throw new SoraError('a correlation matrix names its inputs and gives the matrix', {
      path: extra === undefined ? 'correlations' : `correlations.${extra}`,
      expected: '{ inputs: [a, b, …], matrix: [[1, ρ, …], [ρ, 1, …], …] } or a list of { between: [a, b], rank: ρ }',
      found: show(written),
    });
  }
  const names = written.inputs.map((value, i) => inputName(value, `correlations.inputs[${i}]`, uncertain));
  const twice = names.find((key, i) => names.indexOf(key) !== i);
  if (twice !== undefined) throw new SoraError('a correlation matrix names an input twice', { path: 'correlations.inputs', expected: 'each input once', found: `${twice} twice` });
  if (names.length < 2) throw new SoraError('a correlation matrix needs at least two inputs', { path: 'correlations.inputs', expected: 'two or more inputs', found: show(written.inputs) });
  const n = names.length;
  const rows = written.matrix;
  if (rows.length !== n || rows.some((row) => !Array.isArray(row) || row.length !== n)) {
    throw new SoraError('the correlation matrix is not square over its inputs', {
      path: 'correlations.matrix',
      expected: `${n} rows of ${n} numbers (one per input, in the order of correlations.inputs)`,
      found: `${rows.length} rows of ${rows.map((row) => (Array.isArray(row) ? row.length : show(row))).join(', ')}`,
    });
  }
  const m = (rows as unknown[][]).map((row, i) => row.map((value, j) => coefficient(value, `correlations.matrix[${i}][${j}]`)));
  for (let i = 0; i < n; i++) {
    if (m[i]![i] !== 1) throw new SoraError('a correlation matrix has 1 on its diagonal', { path: `correlations.matrix[${i}][${i}]`, expected: '1', found: show(m[i]![i]) });
    for (let j = 0; j < i; j++) {
      if (Math.abs(m[i]![j]! - m[j]![i]!) > SYMMETRY_TOLERANCE) {
        throw new SoraError('the correlation matrix is not symmetric', {
          path: `correlations.matrix[${i}][${j}]`,
          expected: `the same value as correlations.matrix[${j}][${i}] (${m[j]![i]})`,
          found: show(m[i]![j]),
        });
      }
    }
  }
  const order = INPUT_KEYS.filter((key) => names.includes(key));
  const at = order.map((key) => names.indexOf(key));
  return { inputs: order, matrix: at.map((i) => at.map((j) => (m[i]![j]! + m[j]![i]!) / 2)) };
}

/**
 * ml-matrix, loaded when a scenario has correlations: a run without them never loads it (the CLI's
 * bundle leaves it a package import: scripts/bundle.mjs).
 */
function matrixLibrary(): typeof MatrixLibrary {
  return createRequire(import.meta.url)('ml-matrix') as typeof MatrixLibrary;
}

/** The smallest eigenvalue of a symmetric matrix (ml-matrix's symmetric eigendecomposition). */
export function smallestEigenvalue(matrix: number[][]): number {
  const { EigenvalueDecomposition, Matrix } = matrixLibrary();
  return Math.min(...new EigenvalueDecomposition(new Matrix(matrix), { assumeSymmetric: true }).realEigenvalues);
}

function refuseIndefinite(matrix: number[][], what: string, hint: string): void {
  const smallest = smallestEigenvalue(matrix);
  if (smallest >= -EIGEN_TOLERANCE) return;
  throw new SoraError(`the ${what} is not positive semi-definite, so no joint distribution has these correlations`, {
    path: 'correlations',
    expected: 'a positive semi-definite matrix (every eigenvalue ≥ 0)',
    found: `smallest eigenvalue ${smallest.toPrecision(4)}`,
    hint,
  });
}

/**
 * Checks a scenario's `correlations` (as parsed from the file) against its uncertain inputs and
 * resolves them. Errors carry the path inside the document; the caller names the file.
 */
export function resolveCorrelations(written: unknown, uncertain: ReadonlySet<InputKey>): ResolvedCorrelations | undefined {
  if (written === undefined) return undefined;
  let parsed: { inputs: InputKey[]; matrix: number[][] };
  if (Array.isArray(written)) parsed = fromPairs(written, uncertain);
  else if (isObject(written)) parsed = fromMatrix(written, uncertain);
  else {
    throw new SoraError('correlations are a list of pairs or a matrix', {
      path: 'correlations',
      expected: 'a list of { between: [a, b], rank: ρ }, or { inputs: [a, b, …], matrix: [[…], …] }',
      found: show(written),
    });
  }
  if (parsed.inputs.length === 0) return undefined;
  refuseIndefinite(parsed.matrix, 'rank-correlation matrix', 'pairwise correlations must fit together: e.g. a and b, and b and c, both strongly positive force a and c positive too');
  const normal = parsed.matrix.map((row) => row.map(normalFromSpearman));
  // A valid Spearman matrix can (rarely, near the boundary) map to an indefinite normal-score one.
  refuseIndefinite(normal, 'normal-score matrix of these rank correlations (2 sin(πρ/6))', 'these rank correlations sit at the edge of what a Gaussian copula can give: move them slightly towards 0');
  return { inputs: parsed.inputs, rank: parsed.matrix, normal };
}

/**
 * A lower-triangular L with L Lᵀ = the normal-score matrix. ml-matrix's Cholesky when the matrix is
 * positive definite; for a semi-definite one (a correlation of ±1, or linearly dependent rows) the
 * same recurrence, with a column whose pivot is 0 (within rounding) left at 0.
 */
export function choleskyFactor(matrix: number[][]): number[][] {
  const { CholeskyDecomposition, Matrix } = matrixLibrary();
  const decomposition = new CholeskyDecomposition(new Matrix(matrix));
  if (decomposition.isPositiveDefinite()) return decomposition.lowerTriangularMatrix.to2DArray();
  const n = matrix.length;
  const l = matrix.map(() => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let d = matrix[j]![j]!;
    for (let k = 0; k < j; k++) d -= l[j]![k]! ** 2;
    const pivot = d > 1e-12 ? Math.sqrt(d) : 0;
    l[j]![j] = pivot;
    for (let i = j + 1; i < n; i++) {
      let s = matrix[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = pivot > 0 ? s / pivot : 0;
    }
  }
  return l;
}
