// `--precision` with `--method sobol` and a `--max-samples` that is not a multiple of
// the replicate count (8) sampled the doubling batches 16,384 and 32,768 first, then failed at the capped
// last batch with an error about `--samples`, "found: 40,001" — a value the user never gave to --samples.
// A cap below 16 failed the same way. The cap is now checked before any sampling and named as --max-samples.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SoraError } from '../../src/errors.js';
import { packagePath } from '../../src/paths.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { simulateToPrecision } from '../../src/simulate/precision.js';

async function refusal(maxSamples: number): Promise<{ error: SoraError; progressed: boolean }> {
  let progressed = false;
  try {
    await simulateToPrecision(loadScenario('mission'), { precision: '0.01%', maxSamples, method: 'sobol', workers: 1, onProgress: () => (progressed = true) });
  } catch (error) {
    if (error instanceof SoraError) return { error, progressed };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('--precision with --method sobol and a --max-samples the replicates cannot split', () => {
  it('is refused before sampling, naming --max-samples and the value given', async () => {
    for (const cap of [40_001, 20]) {
      const { error, progressed } = await refusal(cap);
      expect(error.details.path).toBe('--max-samples');
      expect(error.details.found).toBe(cap.toLocaleString('en-US'));
      expect(progressed).toBe(false);
    }
  });

  it('exits 2 from the CLI with that one error', () => {
    const { status, stderr } = spawnSync(process.execPath, [packagePath('dist', 'cli', 'cli.js'), 'run', 'mission', '--method', 'sobol', '--precision', '0.01%', '--max-samples', '40001', '--out', '/nonexistent/never'], { encoding: 'utf8' });
    expect(status).toBe(2);
    expect(stderr).toMatch(/^error: --max-samples: /);
    expect(stderr).toMatch(/found:\s+40,001/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
