/**
 * What changed in a scenario since its baseline: the step-cost model and the inputs whose resolved
 * distribution differs, each with the file of the `extends` chain that writes it now — so a check
 * can name the likely cause of a drift, not only say that the assumption hash differs.
 */
import { dirname } from 'node:path';
import equal from 'fast-deep-equal';
import type { ResolvedScenario } from '../result/types.js';
import { parseDocument } from '../scenario/document.js';
import { locateScenario, readScenarioFile } from '../scenario/files.js';
import type { BaselineScenario } from './baseline.js';

export interface InputChange {
  input: string;
  /** The distribution in words before and after; undefined where the input did not exist. */
  before: string | undefined;
  after: string | undefined;
  /** The scenario file that writes the input now (undefined: it is at its article value). */
  writtenBy: string | undefined;
}

export interface ScenarioChange {
  hashBefore: string;
  hashAfter: string;
  /** The scenario file checked (absolute path), or `builtin:<name>`. */
  origin: string;
  stepCost: { before: string; after: string } | undefined;
  inputs: InputChange[];
}

/**
 * The file of each input in a scenario's `extends` chain (child first wins), for naming the file
 * to look at. Best effort: the scenario was already loaded once, so failures here only lose names.
 */
export function inputWriters(origin: string): Map<string, string> {
  const writers = new Map<string, string>();
  try {
    let { file } = locateScenario(origin.startsWith('builtin:') ? origin.slice('builtin:'.length) : origin);
    const seen = new Set<string>();
    while (!seen.has(file)) {
      seen.add(file);
      const doc = parseDocument(readScenarioFile(file));
      for (const key of Object.keys(doc.inputs)) if (!writers.has(key)) writers.set(key, file);
      if (doc.extends === undefined) break;
      file = locateScenario(doc.extends, dirname(file)).file;
    }
  } catch {
    // Leave the names out; the change itself is still reported.
  }
  return writers;
}

/** The differences between a baseline's recorded scenario and the scenario as it resolves now; undefined if the hashes agree. */
export function scenarioChange(
  before: BaselineScenario,
  now: ResolvedScenario,
  writers: ReadonlyMap<string, string> = new Map(),
): ScenarioChange | undefined {
  if (before.hash === now.hash) return undefined;
  const nowInputs = now.inputs as Record<string, { spec: unknown; description: string }>;
  const keys = [...new Set([...Object.keys(before.inputs), ...Object.keys(nowInputs)])];
  const inputs = keys
    .filter((key) => !equal(before.inputs[key]?.spec, nowInputs[key]?.spec))
    .map((key) => ({
      input: key,
      before: before.inputs[key]?.description,
      after: nowInputs[key]?.description,
      writtenBy: writers.get(key),
    }));
  return {
    hashBefore: before.hash,
    hashAfter: now.hash,
    origin: now.origin,
    stepCost: before.stepCost === now.stepCost ? undefined : { before: before.stepCost, after: now.stepCost },
    inputs,
  };
}
