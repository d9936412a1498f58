/**
 * The charts of a report and of a scenario comparison, in reading order: the evidence first (the
 * reality check), then the distributions, what drives them, and why they differ from the article's;
 * sensitivity last. Each chart has a file-safe id, the section it belongs to, a caption that says how
 * to read it, a one-line source, and its Vega-Lite spec twice: laid out for a desktop (also the
 * chart's files) and for a phone.
 */
import type { TopLevelSpec } from 'vega-lite';
import { bridges } from '../src/bridge/bridge.js';
import { backtest, type Backtest } from '../src/calibration/backtest.js';
import { shippedCalibration } from '../src/calibration/read.js';
import { HEADLINE_OUTPUTS, type OutputKey } from '../src/model/outputs.js';
import type { Result } from '../src/result/types.js';
import { barsFor } from '../src/stats/tornado.js';
import { chartSource } from './chart-source.js';
import { outputSubject } from './fleet-wording.js';
import { DESKTOP, PHONE, type ChartLayout } from './layout.js';
import { sensitivityGroups } from './sensitivity-groups.js';
import { reportSobol } from './sobol-indices.js';
import { bridgeSpec } from './specs/bridge.js';
import { comparisonSpec } from './specs/comparison.js';
import { computePerOutputSpec } from './specs/compute-per-output.js';
import { costExceedanceSpec } from './specs/cost-exceedance.js';
import { crossoverSpec } from './specs/crossover.js';
import { distributionSpec } from './specs/distribution.js';
import { exceedanceSpec } from './specs/exceedance.js';
import { fleetByAiShareSpec } from './specs/fleet-by-ai-share.js';
import { modelSizeSpec } from './specs/model-size.js';
import { precisionSpec } from './specs/precision.js';
import { realityCheckSpec } from './specs/reality-check.js';
import { sobolSpec } from './specs/sobol-indices.js';
import { tornadoSpec } from './specs/tornado.js';
import { trainingByRunLengthSpec } from './specs/training-by-run-length.js';
import { whatIfDefaultsNote, whatIfRows, whatIfSpec } from './specs/what-if.js';
import { deepFrozen } from '../src/frozen.js';

export interface ChartEntry {
  /** File name stem: charts/<id>.svg, .png, .vl.json. */
  id: string;
  section: string;
  /** How to read the chart. */
  caption: string;
  /** `Source: …`, printed under the chart. */
  source: string;
  /** Laid out for a desktop; the chart's files are drawn from it. */
  spec: TopLevelSpec;
  /** Laid out for a phone's column. */
  narrow: TopLevelSpec;
}

export const SECTIONS = deepFrozen({
  reality: 'Does the model fit published reality?',
  distributions: 'The headline numbers, as distributions',
  precision: 'How many samples were enough',
  risk: 'How likely is more?',
  whatIf: 'What if?',
  drivers: 'What the numbers depend on',
  crossover: 'When inference overtakes training',
  perUnit: 'Compute per unit of output',
  models: 'Sora beside published models',
  bridge: 'Why these numbers differ from the article’s',
  tornado: 'Which assumptions matter',
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

/** A spec's subtitle lines. */
export function specSubtitle(spec: TopLevelSpec): string[] {
  const title = spec.title as { subtitle?: string | string[] } | undefined;
  const s = title?.subtitle ?? [];
  return Array.isArray(s) ? s : [s];
}

/** What the report's charts are drawn from besides the Result: the backtest of its scenario. */
export interface ReportContext {
  backtest: Backtest;
}

/** The backtest a report's reality check draws, against the shipped calibration set. */
export function reportContext(result: Result): ReportContext {
  return { backtest: backtest(result.scenario, shippedCalibration()) };
}

/** A chart laid out both ways. */
function both(draw: (layout: ChartLayout) => TopLevelSpec): { spec: TopLevelSpec; narrow: TopLevelSpec } {
  return { spec: draw(DESKTOP), narrow: draw(PHONE) };
}

const joined = (words: readonly string[]) => (words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words[0] ?? '');

/** The sensitivity charts: per group of outputs with the same Sobol indices, a tornado (when more than one input moves it) and a Sobol chart. */
function sensitivityCharts(result: Result): ChartEntry[] {
  const analysis = reportSobol(result);
  const source = `${chartSource(result)} Sobol indices computed at report time (see Method).`;
  return sensitivityGroups(analysis).flatMap((group) => {
    const key = group[0]!;
    const others = group.slice(1);
    const bars = barsFor(result.sensitivity, key).length;
    const alsoWords = others.length > 0 ? ` The same inputs explain ${joined(others.map((k) => outputSubject(result, k)))} by the same shares (within five points), so they share this chart.` : '';
    const tornado: ChartEntry[] = bars >= 2
      ? [{
          id: `tornado-${key}`,
          section: SECTIONS.tornado,
          caption: `The line is the simulated median. Each bar: the median in the runs where that one input was in its lowest 10% (light) or its highest 10% (dark), the other inputs varying as usual. Longer bars matter more; inputs that do not move this number are left out.${alsoWords}`,
          source,
          ...both((layout) => tornadoSpec(result, key, layout)),
        }]
      : [];
    const single = bars < 2 ? ` Only ${bars === 1 ? 'one uncertain input moves' : 'no uncertain input moves'} ${outputSubject(result, key)} detectably, so it has no tornado chart.` : '';
    return [
      ...tornado,
      {
        id: `sobol-${key}`,
        section: SECTIONS.tornado,
        caption: `The share of this number’s uncertainty each assumption accounts for, with its interval (the whisker): the bar counts how it combines with the others, the tick what it explains alone. An assumption whose interval reaches zero has no detectable effect and is listed above the chart, not drawn.${single}${alsoWords}`,
        source,
        ...both((layout) => sobolSpec(result, analysis, key, layout, others)),
      },
    ];
  });
}

/** Every chart of a one-scenario report. */
export function reportCharts(result: Result, context: ReportContext = reportContext(result)): ChartEntry[] {
  const simulated = chartSource(result);
  const bands = whatIfRows(result);
  return [
    {
      id: 'reality-check',
      section: SECTIONS.reality,
      caption: 'Each row a published measurement: the blue bar is what this scenario predicts at that model’s own size, shape and setting (P5–P95, tick at the median); the diamond is what was measured. Diamonds inside the bars: the scenario fits. Where the scenario’s ranges are fitted from these measurements, the purple bar is the prediction with that model’s own figures left out of the fit — the honest test. (`sora-mc backtest` prints the same as a table.)',
      source: chartSource(result, ['calibration']),
      ...both((layout) => realityCheckSpec(context.backtest, layout)),
    },
    ...HEADLINE_OUTPUTS.map((key) => ({
      id: `distribution-${key}`,
      section: SECTIONS.distributions,
      caption: 'Bars: how the simulated values spread (taller = more likely). Blue rules: P10, median, P90. Orange: the article’s figures; green: published models and prices.',
      source: chartSource(result, key === 'videoMinutesPerGpuHour' ? ['article', 'published'] : key === 'costPerVideoMinuteUsd' ? ['published', 'prices'] : ['article']),
      ...both((layout) => distributionSpec(result, key, layout)),
    })),
    ...(result.run.precision
      ? [
          {
            id: 'precision',
            section: SECTIONS.precision,
            caption: 'The run added samples in doubling batches until every headline number’s P10, P50 and P90 was pinned down to the dashed target; each point is the least certain of them at that batch.',
            source: simulated,
            ...both((layout) => precisionSpec(result, result.run.precision!, layout)),
          },
        ]
      : []),
    {
      id: 'exceedance-cost',
      section: SECTIONS.risk,
      caption: 'Read across from a price to the chance that the simulated GPU cost of a minute is higher. Green: Sora 2’s API list prices and an analyst’s cost estimate, each labelled with that chance (computed from the cost histogram; inside a bin the samples are taken as evenly spread).',
      source: chartSource(result, ['prices']),
      ...both((layout) => costExceedanceSpec(result, layout)),
    },
    {
      id: 'exceedance-h100s',
      section: SECTIONS.risk,
      caption: 'Read across from a probability to the number of H100s that is exceeded that often: the curve crosses 20% at the P80 and 10% at the P90.',
      source: simulated,
      ...both((layout) => exceedanceSpec(result, layout)),
    },
    ...(bands.length > 0
      ? [{
          id: 'what-if',
          section: SECTIONS.whatIf,
          caption: `Move a slider and the bands recompute in the page (offline); the sliders move only this chart. ${bands.length === 1 ? 'This band is the one' : `These ${bands.length} bands are the ones`} the model lets us rescale exactly in this scenario: each is training compute or compute per video minute (outputs no slider touches) times a constant; a band that would also depend on an input this scenario leaves uncertain is left out, and so is a slider that would move none of the bands. ${whatIfDefaultsNote(result)} In the PNG and SVG the sliders sit at the scenario’s medians.`,
          source: simulated,
          ...both((layout) => whatIfSpec(result, layout)),
        }]
      : []),
    {
      id: 'fleet-by-ai-share',
      section: SECTIONS.drivers,
      caption: 'The serving fleet grows in proportion to how much of uploaded video is AI-generated; the band is the P10–P90 range at each share.',
      source: chartSource(result, ['article']),
      ...both((layout) => fleetByAiShareSpec(result, layout)),
    },
    {
      id: 'training-by-run-length',
      section: SECTIONS.drivers,
      caption: 'The same training compute spread over a longer run needs fewer H100s at once; the band is the P10–P90 range for each run length.',
      source: chartSource(result, ['article', 'published']),
      ...both((layout) => trainingByRunLengthSpec(result, layout)),
    },
    {
      id: 'crossover',
      section: SECTIONS.crossover,
      caption: 'Inference compute grows with every minute generated; where its band meets the training band, serving has used as much compute as training. Dashed grey: one day of TikTok or YouTube uploads.',
      source: chartSource(result, ['article']),
      ...both((layout) => crossoverSpec(result, layout)),
    },
    {
      id: 'compute-per-output',
      section: SECTIONS.perUnit,
      caption: 'Inference compute for one unit of each kind of output, on a log scale: each step right is ten times more.',
      source: chartSource(result, ['article']),
      ...both((layout) => computePerOutputSpec(result, layout)),
    },
    {
      id: 'model-size',
      section: SECTIONS.models,
      caption: 'The parameter count the scenario assumes for Sora, against the published sizes of other video diffusion transformers.',
      source: chartSource(result, ['article', 'published']),
      ...both((layout) => modelSizeSpec(result, layout)),
    },
    ...bridges(result).map((b) => ({
      id: `bridge-${b.output}`,
      section: SECTIONS.bridge,
      caption: `From the article’s figure to this scenario’s simulated median, one group of inputs at a time (in this order: ${b.order}). Each bar is the factor that group contributes; on the log axis the bar lengths add up as the factors multiply, and the last bar, sampling, takes the product of medians to the simulated median. The command sora-mc bridge prints the same as a table.`,
      source: chartSource(result, ['article']),
      ...both((layout) => bridgeSpec(b, layout)),
    })),
    ...sensitivityCharts(result),
  ];
}

/** Every chart of a scenario comparison: one per headline output. */
export function comparisonCharts(results: readonly Result[]): ChartEntry[] {
  return HEADLINE_OUTPUTS.map((key: OutputKey) => ({
    id: `compare-${key}`,
    section: SECTIONS.comparison,
    caption: 'Each row a scenario: the bar spans P10–P90, the dot is the median. Orange ticks: the article’s figures.',
    source: chartSource(results, ['article']),
    ...both((layout) => comparisonSpec(results, key, layout)),
  }));
}
