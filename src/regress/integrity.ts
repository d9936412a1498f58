/**
 * Whether a baseline's numbers are the ones sora-mc wrote. Two guards, each naming the file and the
 * field of a number that is not (exit 2):
 *
 * - **Digests.** Every history entry records, per output, the first 16 hex digits of the sha256 of its
 *   numbers as written (n and every percentile's p, value, lower and upper, in order). A number edited
 *   afterwards no longer matches the last entry's digest. Cheap and valid for a baseline of any engine
 *   version, but public: whoever edits the numbers can recompute it.
 * - **Reproduction.** The baseline records everything its sample is a function of: the resolved inputs
 *   (and correlations), seed, sample count, sampling method, generator and engine. When the generator
 *   and the engine are this version's, rerunning that record must give every recorded number again
 *   (the exact tier's 1e-12). No digest can fake that. The check does it for every baseline it
 *   compares in the statistical tier (one more run each; in the exact tier the rerun itself is the
 *   reproduction), reading the seed, sample count, engine and hash from the last history entry: the
 *   values sora-mc wrote, even where the run's fields were edited since.
 *
 * A baseline of another engine version cannot be reproduced: its digests are its only guard, and one
 * written before digests were recorded has none (a new `sora-mc baseline --update` adds them).
 */
import { createHash } from 'node:crypto';
import { SoraError } from '../errors.js';
import { count } from '../format.js';
import type { Result } from '../result/types.js';
import { GENERATOR, ENGINE_VERSION } from '../sampling/uniforms.js';
import { scenarioFromRecord, type Scenario } from '../scenario/resolve.js';
import type { SamplingMethod } from '../sampling/methods.js';
import type { Baseline, BaselineFile, BaselineOutput } from './baseline.js';
import { agree } from './exact.js';
import { methodOfSampling } from './sampling-of.js';

/** Hex digits of sha256 a digest keeps: a check of edits, not a secret, so 64 bits are plenty. */
const DIGEST_HEX = 16;

/** The digest of one output's numbers as a baseline records them. */
export function outputDigest(output: Pick<BaselineOutput, 'n' | 'percentiles'>): string {
  const numbers = [output.n, output.percentiles.map(({ p, value, lower, upper, coverage }) => [p, value, lower, upper, coverage ?? null])];
  return createHash('sha256').update(JSON.stringify(numbers)).digest('hex').slice(0, DIGEST_HEX);
}

/** The digest of every output. */
export function outputDigests(outputs: Readonly<Record<string, BaselineOutput>>): Record<string, string> {
  return Object.fromEntries(Object.entries(outputs).map(([key, output]) => [key, outputDigest(output)]));
}

/**
 * Outputs whose numbers differ from the digests the baseline's last history entry recorded (or that
 * it recorded no digest for, when it recorded digests at all); empty for an entry without digests.
 */
export function outputsNotAsWritten(baseline: Baseline): string[] {
  const digests = baseline.history.at(-1)?.digests;
  if (!digests) return [];
  return Object.entries(baseline.outputs)
    .filter(([key, output]) => digests[key] !== outputDigest(output))
    .map(([key]) => key);
}

/** What reruns a baseline's own sample: scenario, seed, sample count and method. */
export interface Reproduction {
  scenario: Scenario;
  seed: string;
  samples: number;
  method: SamplingMethod | undefined;
}

/**
 * The rerun that must reproduce a baseline's numbers, or undefined when this version cannot (another
 * engine or generator, a sampling method it does not know). `current` is the scenario as it loads
 * today: when its hash is the recorded one, it is the recorded scenario; otherwise the recorded
 * inputs are resolved again, and must give the recorded hash (an error naming `scenario.inputs` if not).
 */
export function reproduction(source: BaselineFile, current: Scenario): Reproduction | undefined {
  const { baseline, file } = source;
  const written = baseline.history.at(-1);
  const engine = written?.engine ?? baseline.run.engine;
  const method = methodOfSampling(baseline.run.sampling);
  const generator = `${baseline.run.generator.name} ${baseline.run.generator.version}`;
  if (engine !== ENGINE_VERSION || generator !== `${GENERATOR.name} ${GENERATOR.version}` || !method) return undefined;
  const hash = written?.hash ?? baseline.scenario.hash;
  const seed = written?.seed ?? baseline.run.seed;
  const samples = written?.samples ?? baseline.run.samples;
  if (current.resolved.hash === hash) return { scenario: current, seed, samples, method };
  const recorded = baseline.scenario;
  let scenario: Scenario;
  try {
    scenario = scenarioFromRecord({ name: recorded.name, origin: current.resolved.origin, stepCost: recorded.stepCost, inputs: recorded.inputs, correlations: recorded.correlations }, seed, samples);
  } catch (error) {
    if (!(error instanceof SoraError)) throw error;
    throw new SoraError(`the baseline's recorded inputs do not resolve: ${error.message}`, { ...error.details, file, path: `scenario.${error.details.path ?? 'inputs'}` });
  }
  if (scenario.resolved.hash !== hash) {
    throw new SoraError("the baseline's recorded inputs are not the scenario it records, so its numbers cannot be checked against them", {
      file,
      path: 'scenario.inputs',
      expected: `inputs, step-cost model and correlations whose assumption hash is the recorded ${hash.slice(0, 12)}…`,
      found: `hash ${scenario.resolved.hash.slice(0, 12)}…: the inputs were edited by hand, or written by a sora-mc that recorded other inputs or no correlations`,
      hint: 'restore the baseline from version control, or make it again: sora-mc baseline <scenario> --update --reason "…"',
    });
  }
  return { scenario, seed, samples, method };
}

/** The numbers of one output in the order the error names them: n, then each percentile's value, lower, upper. */
function numbersOf(output: Pick<BaselineOutput, 'n' | 'percentiles'>): [string, number][] {
  return [['n', output.n], ...output.percentiles.flatMap((q, i) => (['value', 'lower', 'upper'] as const).map((k): [string, number] => [`percentiles.${i}.${k}`, q[k]]))];
}

/**
 * Requires every number of the baseline to be what `reproduced` (a run of its own record: see
 * reproduction()) gives, to the exact tier's 1e-12; else a SoraError naming the first number that is
 * not, and how many more differ.
 */
export function requireReproduced(source: BaselineFile, reproduced: Result): void {
  const { baseline, file } = source;
  const differing: { path: string; recorded: number; computed: number }[] = [];
  for (const [key, output] of Object.entries(baseline.outputs)) {
    const now = (reproduced.outputs as Record<string, Pick<BaselineOutput, 'n' | 'percentiles'> | undefined>)[key];
    if (!now || now.percentiles.length !== output.percentiles.length) continue; // the plan reports missing outputs and percentiles
    const computed = new Map(numbersOf(now));
    for (const [field, recorded] of numbersOf(output)) {
      const value = computed.get(field)!;
      if (!agree(recorded, value)) differing.push({ path: `outputs.${key}.${field}`, recorded, computed: value });
    }
  }
  if (differing.length === 0) return;
  const [first] = differing;
  const more = differing.length - 1;
  const run = reproduced.run;
  throw new SoraError("the baseline's numbers are not the ones sora-mc wrote", {
    file,
    path: first!.path,
    expected: `${first!.computed}: what this engine (${run.engine}) computes from the baseline's own recorded inputs, seed ${run.seed} and ${count(run.samples)} samples (${run.sampling})`,
    found: `${first!.recorded}${more > 0 ? `, and ${count(more)} more number${more === 1 ? '' : 's'} that differ${more === 1 ? 's' : ''}` : ''}`,
    hint: 'numbers in a baseline are written by sora-mc, not by hand: restore it from version control, or make it again with sora-mc baseline <scenario> --update --reason "…"',
  });
}

/** A SoraError naming an output whose numbers do not match the digest sora-mc recorded (for a baseline no rerun can reproduce). */
export function notAsWrittenError(source: BaselineFile, outputs: readonly string[]): SoraError {
  const written = source.baseline.history.at(-1)!;
  const [first] = outputs;
  return new SoraError("the baseline's numbers are not the ones sora-mc wrote", {
    file: source.file,
    path: `outputs.${first}`,
    expected: `numbers with the digest ${written.digests![first!] ?? '(none)'} recorded when sora-mc wrote them (history entry of ${written.date})`,
    found: `numbers with the digest ${outputDigest(source.baseline.outputs[first!]!)}${outputs.length > 1 ? `; also edited: ${outputs.slice(1).join(', ')}` : ''}`,
    hint: 'numbers in a baseline are written by sora-mc, not by hand: restore it from version control, or make it again with sora-mc baseline <scenario> --update --reason "…"',
  });
}

/**
 * Checks that a baseline's numbers are the ones sora-mc wrote, after its check's rerun `result` in
 * `tier`; throws a SoraError naming the file and the first number that is not.
 *
 * - exact tier: the rerun is the reproduction. Where it differs from a number whose output still
 *   matches its digest, the engine's output changed (the comparison says so, exit 1); where the digest
 *   does not match either, the number was edited.
 * - statistical tier: `rerun` runs the baseline's own record when this version can (reproduction());
 *   otherwise the digests are the guard.
 */
export async function verifyRecordedNumbers(
  source: BaselineFile,
  current: Scenario,
  tier: 'exact' | 'statistical',
  result: Result,
  rerun: (how: Reproduction) => Promise<Result>,
): Promise<void> {
  const edited = outputsNotAsWritten(source.baseline);
  if (tier === 'exact') {
    if (edited.length === 0) return;
    requireReproduced(source, result);
    // Every number reproduces, yet a digest does not match: the history's digests were edited.
    const entry = source.baseline.history.length - 1;
    throw new SoraError("the baseline's history does not describe its numbers", {
      file: source.file,
      path: `history.${entry}.digests.${edited[0]}`,
      expected: `the digest of outputs.${edited[0]} as written, ${outputDigest(source.baseline.outputs[edited[0]!]!)}`,
      found: String(source.baseline.history[entry]!.digests![edited[0]!] ?? 'none'),
      hint: 'restore the baseline from version control, or make it again with sora-mc baseline <scenario> --update --reason "…"',
    });
  }
  const how = reproduction(source, current);
  if (how) return requireReproduced(source, await rerun(how));
  if (edited.length > 0) throw notAsWrittenError(source, edited);
}
