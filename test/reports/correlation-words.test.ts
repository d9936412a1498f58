import { describe, expect, it } from 'vitest';
import { dependenceSentence } from '../../reports/correlation-words.js';
import { methodRows } from '../../reports/method.js';
import { loadScenario } from '../../src/scenario/resolve.js';
import { scratchDir } from '../helpers/scratch.js';

const scratch = scratchDir();

describe('the report on dependence between inputs', () => {
  it('names the correlated pairs and says every other input is independent', () => {
    const scenario = loadScenario(
      scratch.write('c.yaml', 'extends: mission\ncorrelations:\n  - { between: [trainMfu, soraParams], rank: 0.5 }\n  - { between: [inferMfu, trainMfu], rank: -0.25 }\n'),
    );
    const sentence = dependenceSentence(scenario.resolved);
    expect(sentence).toContain('soraParams and trainMfu +0.5');
    expect(sentence).toContain('trainMfu and inferMfu −0.25');
    expect(sentence).not.toContain('soraParams and inferMfu');
    expect(sentence).toMatch(/Every other input is sampled independently/);
  });

  it('says all inputs are independent when the scenario correlates none, in the method too', () => {
    expect(dependenceSentence(loadScenario('mission').resolved)).toBe('Every uncertain input is sampled independently of the others.');
    const rows = methodRows({ scenario: loadScenario('mission').resolved, run: { samples: 1, sampling: 'monte-carlo', seed: '1', generator: { name: 'g', version: '1' }, chunkSize: 1, workers: 1, engine: 'e', elapsedMs: 0 }, method: { quantile: 'q', interval: 'i', confidence: 0.95 }, sensitivity: { method: 's' }, tool: { name: 't', version: '1' } } as never);
    expect(rows.find((r) => r.label === 'Dependence between inputs')!.value).toMatch(/independently/);
  });
});
