/**
 * `sora-mc bridge`: each bridge as a terminal table (step, the inputs it moves, the factor, the
 * running value), its product, and the order; `--json` prints the bridges as they are.
 */
import { startWords, type Bridge, type BridgeStep } from '../bridge/bridge.js';
import { factor, formatRounded } from '../format.js';
import { OUTPUTS } from '../model/outputs.js';
import { textTable } from './table.js';
import { wrapParagraph } from './wrap.js';

/** The inputs a step moves, in words. */
export function moves(b: Bridge, s: BridgeStep): string {
  if (s.id === 'sampling') return "the Result's median over the model at every input's median";
  const switched = s.switchesStepCost ? [`article → ${b.stepCost} step cost`] : [];
  const moved = [...switched, ...s.moved];
  return moved.length > 0 ? moved.join(', ') : "— (the scenario keeps the article's values)";
}

export function bridgeText(bridges: readonly Bridge[], width = Infinity): string {
  const blocks = bridges.map((b) => {
    const f = (x: number) => formatRounded(x, b.unit, 4);
    const rows = [
      ['start', startWords(b), '', f(b.start)],
      ...b.steps.map((s) => [s.label, moves(b, s), factor(s.factor), f(s.to)]),
    ];
    const total = b.end / b.start;
    return [
      wrapParagraph(`${OUTPUTS[b.output].label} (${b.unit}): ${f(b.start)} → ${f(b.end)}, ${factor(total)} in all`, width, '', '  '),
      '',
      textTable([{ head: 'step' }, { head: 'moves', kind: 'prose' }, { head: 'factor', align: 'right' }, { head: 'after', align: 'right' }], rows, width),
      '',
      wrapParagraph(`The factors multiply to ${factor(b.steps.reduce((x, s) => x * s.factor, 1))}: ${f(b.start)} ${factor(total)} = ${f(b.end)}, the simulated median.`, width, '', '  '),
    ].join('\n');
  });
  const first = bridges[0];
  const order = first ? `Order: ${first.order}. Each step moves its inputs from their article values to ${first.scenario}'s medians, the earlier steps' inputs staying moved; a factor 1 means the output does not depend on those inputs.` : '';
  return [`Bridge from the article to ${first?.scenario ?? 'the scenario'}`, '', ...blocks.flatMap((b) => [b, '']), wrapParagraph(order, width, '', '  ')].join('\n');
}
