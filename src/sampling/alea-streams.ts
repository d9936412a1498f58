/**
 * Several alea streams filled side by side: the same numbers fillAleaUniforms gives each stream on
 * its own (alea.ts; a test compares them bit for bit), drawn in one loop. One stream's draws are a
 * chain of dependent multiply–truncate–subtract steps, so a single stream leaves most of the core's
 * arithmetic units idle; a chunk's inputs have independent streams, and stepping two or three of
 * them in one loop lets the core overlap their chains (measured in sampleChunk, one thread:
 * mission 247 → 209 ns a sample, evidence-2025 439 → 364 ns).
 *
 * The states must live in local variables for that, so the loop for a group of n streams is written
 * out once per n from one template (`new Function`, as quantile-loop.ts does for the quantiles).
 */
import { aleaState, fillAleaUniforms } from './alea.js';

type State = ReturnType<typeof aleaState>;
type GroupFill = (targets: readonly Float64Array[], states: readonly State[], length: number) => void;

/**
 * alea's double() for stream j, into u<j> (alea.ts): next() + (next() · 2²¹ | 0) · 2⁻⁵³, where
 * next() is t = 2091639·s0 + c·2⁻³², c = t | 0, s2 = t − c (the state shifting s0 ← s1 ← s2).
 */
function doubleSource(j: number): string {
  const next = `t = 2091639 * s0_${j} + c_${j} * 2.3283064365386963e-10; s0_${j} = s1_${j}; s1_${j} = s2_${j}; c_${j} = t | 0; s2_${j} = t - c_${j};`;
  return `${next} high = s2_${j}; ${next} u${j} = high + ((s2_${j} * 0x200000) | 0) * 1.1102230246251565e-16;`;
}

/** The loop for n streams: every stream's draw, then (rarely: an exact 0) redraws, then the stores. */
function groupFill(n: number): GroupFill {
  const streams = Array.from({ length: n }, (_, j) => j);
  const body = [
    ...streams.map((j) => `const target${j} = targets[${j}]; let { s0: s0_${j}, s1: s1_${j}, s2: s2_${j}, c: c_${j} } = states[${j}];`),
    'let t = 0; let high = 0;',
    'for (let i = 0; i < length; i++) {',
    ...streams.map((j) => `let u${j} = 0; ${doubleSource(j)}`),
    ...streams.map((j) => `while (u${j} === 0) { ${doubleSource(j)} }`),
    ...streams.map((j) => `target${j}[i] = u${j};`),
    '}',
  ].join('\n');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a loop written out per group size (see above)
  return new Function('targets', 'states', 'length', body) as GroupFill;
}

/** Groups of two and three: more streams per loop than that gained nothing measurable. */
const FILL_TWO = groupFill(2);
const FILL_THREE = groupFill(3);

/** Fills targets[j][0, length) from the alea stream seeded by seeds[j], for every j. */
export function fillAleaStreams(targets: readonly Float64Array[], seeds: readonly string[], length: number): void {
  let j = 0;
  while (j < targets.length) {
    const left = targets.length - j;
    const group = left >= 3 && left !== 4 ? 3 : left >= 2 ? 2 : 1;
    if (group === 1) fillAleaUniforms(targets[j]!, seeds[j]!, length);
    else (group === 3 ? FILL_THREE : FILL_TWO)(targets.slice(j, j + group), seeds.slice(j, j + group).map(aleaState), length);
    j += group;
  }
}
