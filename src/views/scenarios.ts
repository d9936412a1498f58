/** `sora-mc scenarios`: the built-in scenarios and what each assumes. */
import { builtinNames } from '../scenario/files.js';
import { loadScenario } from '../scenario/resolve.js';
import { textTable } from './table.js';

export function scenariosJson() {
  return builtinNames().map((name) => {
    const { resolved, seed, samples } = loadScenario(name);
    return { name, description: resolved.description, stepCost: resolved.stepCost, seed, samples };
  });
}

export function scenariosText(width = Infinity): string {
  return textTable(
    [{ head: 'scenario' }, { head: 'step cost' }, { head: 'samples', align: 'right' }, { head: 'description', kind: 'prose' }],
    scenariosJson().map((s) => [s.name, s.stepCost, s.samples.toLocaleString('en-US'), s.description]),
    width,
  );
}
