/** The sensitivity job: load a scenario and compute the Sobol indices of its headline outputs. */
import { loadScenario } from '../scenario/resolve.js';
import { parseSampleCount, parseSeed } from '../scenario/values.js';
import { DEFAULT_BASE_SAMPLES, sensitivityAnalysis, type SensitivityAnalysis } from '../sensitivity/saltelli.js';
import { SoraError } from '../errors.js';
import { DEFAULT_SCENARIO } from './defaults.js';

export interface SensitivityRequest {
  scenario?: string;
  /** N, rows of each Saltelli matrix (default 2^14); the model runs N × (inputs + 2) times. */
  samples?: string;
  seed?: string;
}

/** Largest N: the design holds (inputs + 2) × 21 output columns of N values in memory. */
const MAX_BASE_SAMPLES = 1 << 20;

export function sensitivityJob(request: SensitivityRequest): SensitivityAnalysis {
  const scenario = loadScenario(request.scenario ?? DEFAULT_SCENARIO);
  const baseSamples = request.samples === undefined ? DEFAULT_BASE_SAMPLES : parseSampleCount(request.samples, '--samples');
  if (baseSamples > MAX_BASE_SAMPLES || baseSamples < 64) {
    throw new SoraError('the Saltelli design size is out of range', {
      path: '--samples',
      expected: `between 64 and ${MAX_BASE_SAMPLES.toLocaleString('en-US')} rows per matrix`,
      found: baseSamples.toLocaleString('en-US'),
    });
  }
  const seed = request.seed === undefined ? scenario.seed : parseSeed(request.seed, '--seed');
  return sensitivityAnalysis(scenario.resolved, { seed, baseSamples });
}
