/** `sora-mc sensitivity`: the Sobol indices of each headline output as a table, inputs by total index. */
import type { SensitivityAnalysis } from '../sensitivity/saltelli.js';
import type { SobolIndex } from '../stats/sobol-indices.js';
import { textTable } from './table.js';
import { wrapLines } from './wrap.js';

function cell(index: SobolIndex): string {
  return `${index.estimate.toFixed(3)} [${index.lower.toFixed(3)}, ${index.upper.toFixed(3)}]`;
}

export function sensitivityText(analysis: SensitivityAnalysis, width = Infinity): string {
  const level = Math.round(analysis.confidence * 100);
  const lines = [
    `Sobol indices of ${analysis.scenario.name} (${analysis.scenario.origin}): ${analysis.baseSamples.toLocaleString('en-US')} rows per matrix, ` +
      `${analysis.evaluations.toLocaleString('en-US')} model runs, seed ${analysis.seed}; ${level}% bootstrap intervals (${analysis.resamples} resamples)`,
  ];
  if (analysis.correlationsIgnored.length > 0) {
    lines.push(`note: the scenario correlates ${analysis.correlationsIgnored.join(', ')}; Sobol indices assume independent inputs, so each is drawn here from its own distribution independently`);
  }
  for (const output of analysis.outputs) {
    lines.push('', `${output.label} — variance of ${output.scale === 'log' ? 'log(output)' : 'the output (not positive throughout, so not logged)'}`);
    if (!output.first || !output.total) {
      lines.push('  does not vary in this scenario');
      continue;
    }
    const order = analysis.inputs.map((_, i) => i).sort((i, j) => output.total![j]!.estimate - output.total![i]!.estimate);
    const rows = order
      .filter((i) => output.total![i]!.upper > 0)
      .map((i) => [analysis.inputs[i]!, cell(output.first![i]!), cell(output.total![i]!)]);
    const silent = analysis.inputs.length - rows.length;
    lines.push(textTable([{ head: 'input' }, { head: `first-order [${level}% CI]`, align: 'right' }, { head: `total [${level}% CI]`, align: 'right' }], rows, width));
    if (silent > 0) lines.push(`  (${silent} input${silent === 1 ? '' : 's'} with a total index of 0: ${output.output} does not read ${silent === 1 ? 'it' : 'them'})`);
  }
  lines.push('', 'First-order: the share of the variance an input explains alone; total: alone and with its interactions. Indices of log(output) because the model multiplies its inputs: the log is (nearly) a sum, and its variance is not swamped by the upper tail.');
  return wrapLines(lines.join('\n'), width);
}
