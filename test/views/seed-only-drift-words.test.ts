/**
 * A drift found where only the random numbers differ from the baseline's
 * (`check --fresh-seed`, `--seed`, `--samples`: same scenario, engine and generator) told the CI user
 * "if the change is intended: sora-mc baseline --update", though nothing was changed to intend: it is
 * a false alarm (at most α) or a sampler fault, and updating the baseline would hide either.
 */
import { describe, expect, it } from 'vitest';
import type { BaselineComparison } from '../../src/regress/drift.js';
import { noteLines } from '../../src/views/check-words.js';

function drift(because: string[], editedSinceWritten: string[] = []): BaselineComparison {
  return {
    file: 'baselines/mission.json', tier: 'statistical', because, reasons: because.map((k) => `${k} changed`),
    ok: false, compared: 210, moved: 1, rows: [], detectable: undefined, scenarioChange: undefined,
    missingOutputs: [], newOutputs: [], missingPercentiles: [], editedSinceWritten,
  } as unknown as BaselineComparison;
}

describe('what check tells a CI user after a drift', () => {
  it.each([[['seed']], [['samples']], [['seed', 'samples']]])('only %j differs: no "baseline --update"; says false alarm or sampler fault and how to tell', (because) => {
    const text = noteLines(drift(because)).join('\n');
    expect(text).not.toMatch(/baseline --update/);
    expect(text).toMatch(/false alarm/);
    expect(text).toMatch(/other seeds/);
  });

  it('a baseline whose seed was edited by hand gets the edited-baseline note, not the false-alarm one', () => {
    const text = noteLines(drift(['seed'], ['run.seed: "7" (its history records "1")'])).join('\n');
    expect(text).toMatch(/edited after sora-mc wrote it/);
    expect(text).not.toMatch(/false alarm/);
  });

  it.each([[['scenario']], [['engine', 'seed']], [['generator']]])('%j differs: the update hint stays', (because) => {
    expect(noteLines(drift(because)).join('\n')).toMatch(/if the change is intended: sora-mc baseline --update --reason "\.\.\." --out baselines\//);
  });
});
