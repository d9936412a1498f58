/**
 * Which outputs are a fixed multiple or a fixed multiple of the reciprocal of another, in a resolved
 * scenario: with the fixed inputs fixed, trainCostUsd = gpuHourPrice × trainGpuHours and
 * costPerVideoMinuteUsd = gpuHourPrice / videoMinutesPerGpuHour, and so on (mission's 21 outputs are
 * 8 distinct shapes and 3 constants). The engine counts each distinct shape once and reads the others'
 * order statistics and histograms through the map (exact for a monotone map: rank r of b = c · a is
 * rank r of a, and rank n − 1 − r when the map decreases), while every output keeps its own moments.
 *
 * Derived from the model itself, not from a table beside it: the model (src/model/compute.ts) is
 * evaluated at PROBES points where every uncertain input varies at once — each continuous input over
 * quantiles from 10⁻⁶ to 1 − 10⁻⁶ in its own order, each discrete input through all its atoms — and
 * b is taken as c · a^k (k = ±1) when b / a^k is the same at every point to within RELATIVE_TOLERANCE.
 * Outputs that do not vary across the points are marked constant.
 * The engine checks each relation again on the run's own extremes (src/simulate/run-statistics.ts).
 */
import type { Distribution } from '../../distributions/index.js';
import { allocateOutputColumns, computeColumns, type InputColumns } from '../model/compute.js';
import { INPUT_KEYS, type InputKey } from '../model/inputs.js';
import { OUTPUT_KEYS } from '../model/outputs.js';

/**
 * Output j = scale · (output `of`)^power; `of` = j for an output counted on its own. `constant`: the
 * output took one value at every point (it depends on no uncertain input): the engine keeps only its
 * moments, whose min and max then agree (else the run counts every output on its own).
 */
export interface OutputRelation {
  of: number;
  scale: number;
  power: 1 | -1;
  constant?: boolean;
}

const PROBES = 64;
const RELATIVE_TOLERANCE = 1e-10;

/** Every output counted on its own. */
export function independentOutputs(): OutputRelation[] {
  return OUTPUT_KEYS.map((_, j) => ({ of: j, scale: 1, power: 1 }));
}

/** The relations of a scenario's outputs (its inputs compiled: src/scenario/compile.ts). */
export function outputRelations(distributions: Readonly<Record<InputKey, Distribution>>, stepCost: Parameters<typeof computeColumns>[3]): OutputRelation[] {
  const atoms = Math.max(0, ...INPUT_KEYS.map((key) => (distributions[key].family === 'discrete' ? ((distributions[key].spec.values as unknown[])?.length ?? 0) : 0)));
  const points = Math.min(4096, Math.max(PROBES, 2 * atoms));
  const inputs = Object.fromEntries(
    INPUT_KEYS.map((key, index) => {
      const column = new Float64Array(points);
      const d = distributions[key];
      for (let i = 0; i < points; i++) {
        // A different order per input (a stride coprime to the point count), so the inputs vary independently.
        const k = (i * (2 * index + 1) + index) % points;
        const u = Math.min(1 - 1e-6, Math.max(1e-6, (k + 0.5) / points));
        column[i] = d.quantile(u);
      }
      if (d.family === 'discrete') {
        const values = d.spec.values as number[];
        for (let i = 0; i < points; i++) column[i] = values[(i + index) % values.length]!;
      }
      return [key, column];
    }),
  ) as InputColumns;
  const outputs = allocateOutputColumns(points);
  computeColumns(inputs, outputs, points, stepCost);
  const columns = OUTPUT_KEYS.map((key) => outputs[key]);
  const usable = columns.map((c) => c.every((x) => Number.isFinite(x) && x !== 0) && c.some((x) => x !== c[0]));
  const relations: OutputRelation[] = independentOutputs().map((relation, j) =>
    columns[j]!.every((x) => x === columns[j]![0] && Number.isFinite(x)) ? { ...relation, constant: true } : relation,
  );
  for (let b = 0; b < columns.length; b++) {
    if (!usable[b]) continue;
    for (let a = 0; a < b; a++) {
      if (!usable[a] || relations[a]!.of !== a) continue;
      const found = relate(columns[a]!, columns[b]!);
      if (found) {
        relations[b] = { of: a, ...found };
        break;
      }
    }
  }
  return relations;
}

/** b = scale · a^power at every point, for power 1 or −1 (a of one sign for −1). */
function relate(a: Float64Array, b: Float64Array): { scale: number; power: 1 | -1 } | null {
  for (const power of [1, -1] as const) {
    if (power === -1 && !(a.every((x) => x > 0) || a.every((x) => x < 0))) continue;
    const scale = power === 1 ? b[0]! / a[0]! : b[0]! * a[0]!;
    if (!Number.isFinite(scale) || scale === 0) continue;
    let holds = true;
    for (let i = 1; i < a.length && holds; i++) {
      const predicted = power === 1 ? scale * a[i]! : scale / a[i]!;
      holds = Math.abs(b[i]! / predicted - 1) <= RELATIVE_TOLERANCE;
    }
    if (holds) return { scale, power };
  }
  return null;
}

/** The map of a relation, and whether it decreases (c / x decreases on either sign of x for c > 0). */
export function relationMap({ scale, power }: OutputRelation): { f: (x: number) => number; decreasing: boolean } {
  if (power === 1) return { f: (x) => scale * x, decreasing: scale < 0 };
  return { f: (x) => scale / x, decreasing: scale > 0 };
}
