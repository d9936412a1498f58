/**
 * The charts of a report and of a scenario comparison, in reading order: each with a file-safe id,
 * the section it belongs to, a caption that says how to read it, and its Vega-Lite spec.
 */
import type { TopLevelSpec } from 'vega-lite';
import { HEADLINE_OUTPUTS } from '../src/model/outputs.js';
import type { Result } from '../src/result/types.js';
import { comparisonSpec } from './specs/comparison.js';
import { computePerOutputSpec } from './specs/compute-per-output.js';
import { crossoverSpec } from './specs/crossover.js';
import { distributionSpec } from './specs/distribution.js';
import { exceedanceSpec } from './specs/exceedance.js';
import { fleetByAiShareSpec } from './specs/fleet-by-ai-share.js';
import { modelSizeSpec } from './specs/model-size.js';
import { tornadoSpec } from './specs/tornado.js';
import { sobolSpec } from './specs/sobol.js';
import { precisionSpec } from './specs/precision.js';
import { reportSobol } from './sobol.js';
import { trainingByRunLengthSpec } from './specs/training-by-run-length.js';
import { realityCheckSpec } from './specs/reality-check.js';
import { bridgeSpec } from './specs/bridge.js';
import { costExceedanceSpec } from './specs/cost-exceedance.js';
import { whatIfSpec } from './specs/what-if.js';
import { bridges } from '../src/bridge/bridge.js';
import { backtest } from '../src/calibration/backtest.js';
import { shippedCalibration } from '../src/calibration/read.js';
import { deepFrozen } from '../src/frozen.js';

export interface ChartEntry {
  /** File name stem: charts/<id>.svg, .png, .vl.json. */
  id: string;
  section: string;
  caption: string;
  spec: TopLevelSpec;
}

export const SECTIONS = deepFrozen({
  bridge: 'Why these numbers differ from the article’s',
  whatIf: 'What if?',
  distributions: 'The headline numbers, as distributions',
  precision: 'How many samples were enough',
  risk: 'How likely is more?',
  drivers: 'What the numbers depend on',
  crossover: 'When inference overtakes training',
  perUnit: 'Compute per unit of output',
  tornado: 'Which assumptions matter',
  models: 'Sora beside published models',
  reality: 'Does the model fit published reality?',
  comparison: 'Scenarios side by side',
} as const);

/** A spec's title as one line of text ('' when it has none). */
export function specTitle(spec: TopLevelSpec): string {
  const title = spec.title;
  if (title === undefined) return '';
  if (typeof title === 'string') return title;
  if (Array.isArray(title)) return title.join(' ');
  const text = (title as { text?: unknown }).text;
  if (typeof text === 'string') return text;
  return Array.isArray(text) ? text.join(' ') : '';
}

/** Every chart of a one-scenario report. */
export function reportCharts(result: Result): ChartEntry[] {
  return [
    ...bridges(result).map((b) => ({
      id: `bridge-${b.output}`,
      section: SECTIONS.bridge,
      caption: `From the article’s figure to this scenario’s simulated median, one group of inputs at a time (in this order: ${b.order}). Each bar is the factor that group contributes; on the log axis the bar lengths add up as the factors multiply, and the last bar, sampling, takes the product of medians to the simulated median. The command sora-mc bridge prints the same as a table.`,
      spec: bridgeSpec(b),
    })),
    {
      id: 'what-if',
      section: SECTIONS.whatIf,
      caption: 'Move a slider and the bands recompute in the page (offline). The sliders move only this chart: the other charts show the scenario as it was sampled. These four bands are the ones the model lets us rescale exactly — each is training compute or compute per video minute (outputs no slider touches) times a constant: training H100s ∝ 1/(run length × utilisation), training cost ∝ price/utilisation, cost per minute ∝ price/utilisation, the peak fleet ∝ AI share/utilisation. A slider sets its input to one value for every sample; a band is left out when it would also depend on an input this scenario leaves uncertain. In the PNG and SVG the sliders sit at the scenario’s medians.',
      spec: whatIfSpec(result),
    },
    ...HEADLINE_OUTPUTS.map((key) => ({
      id: `distribution-${key}`,
      section: SECTIONS.distributions,
      caption: 'Bars: how the simulated values spread (taller = more likely). Blue rules: P10, median, P90. Orange: the article’s figures; green: published models and prices.',
      spec: distributionSpec(result, key),
    })),
    ...(result.run.precision
      ? [
          {
            id: 'precision',
            section: SECTIONS.precision,
            caption: 'The run added samples in doubling batches until every headline number’s P10, P50 and P90 was pinned down to the dashed target; each point is the least certain of them at that batch.',
            spec: precisionSpec(result, result.run.precision),
          },
        ]
      : []),
    {
      id: 'exceedance-h100s',
      section: SECTIONS.risk,
      caption: 'Read across from a probability to the number of H100s that is exceeded that often: the curve crosses 20% at the P80 and 10% at the P90.',
      spec: exceedanceSpec(result),
    },
    {
      id: 'exceedance-cost',
      section: SECTIONS.risk,
      caption: 'Read across from a price to the chance that the simulated GPU cost of a minute is higher. Green: Sora 2’s API list prices and an analyst’s cost estimate, each labelled with that chance (computed from the cost histogram; inside a bin the samples are taken as evenly spread).',
      spec: costExceedanceSpec(result),
    },
    {
      id: 'fleet-by-ai-share',
      section: SECTIONS.drivers,
      caption: 'The serving fleet grows in proportion to how much of uploaded video is AI-generated; the band is the P10–P90 range at each share.',
      spec: fleetByAiShareSpec(result),
    },
    {
      id: 'training-by-run-length',
      section: SECTIONS.drivers,
      caption: 'The same training compute spread over a longer run needs fewer H100s at once; the band is the P10–P90 range for each run length.',
      spec: trainingByRunLengthSpec(result),
    },
    {
      id: 'crossover',
      section: SECTIONS.crossover,
      caption: 'Inference compute grows with every minute generated; where its band meets the training band, serving has used as much compute as training. Dashed: one day of TikTok or YouTube uploads.',
      spec: crossoverSpec(result),
    },
    {
      id: 'compute-per-output',
      section: SECTIONS.perUnit,
      caption: 'Inference compute for one unit of each kind of output, on a log scale: each step right is ten times more.',
      spec: computePerOutputSpec(result),
    },
    ...HEADLINE_OUTPUTS.flatMap((key) => [
      {
        id: `tornado-${key}`,
        section: SECTIONS.tornado,
        caption: 'The line is the simulated median. Each bar: the median in the runs where that one input was in its lowest 10% (light) or its highest 10% (dark), the other inputs varying as usual. Longer bars matter more; inputs that do not move this number are left out.',
        spec: tornadoSpec(result, key),
      },
      {
        id: `sobol-${key}`,
        section: SECTIONS.tornado,
        caption: 'The share of this number’s uncertainty that each assumption accounts for: on its own (light), and counting how it combines with the others (dark). Shares near 0 mean pinning that assumption down would hardly narrow the range; thin lines show how sure the estimate is.',
        spec: sobolSpec(result, reportSobol(result), key),
      },
    ]),
    {
      id: 'model-size',
      section: SECTIONS.models,
      caption: 'The parameter count the scenario assumes for Sora, against the published sizes of other video diffusion transformers.',
      spec: modelSizeSpec(result),
    },
    {
      id: 'reality-check',
      section: SECTIONS.reality,
      caption: 'Each row a published measurement: the blue bar is what this scenario predicts at that model’s own size, shape and setting (P5–P95, tick at the median); the green diamond is what was measured. Diamonds inside the bars: the scenario fits. (`sora-mc backtest` prints the same as a table.)',
      spec: realityCheckSpec(backtest(result.scenario, shippedCalibration())),
    },
  ];
}

/** Every chart of a scenario comparison: one per headline output. */
export function comparisonCharts(results: readonly Result[]): ChartEntry[] {
  return HEADLINE_OUTPUTS.map((key) => ({
    id: `compare-${key}`,
    section: SECTIONS.comparison,
    caption: 'Each row a scenario: the bar spans P10–P90, the dot is the median. Orange: the article’s figures.',
    spec: comparisonSpec(results, key),
  }));
}
