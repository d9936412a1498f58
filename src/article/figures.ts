/**
 * The article's printed figures (docs/model.md, "The article's figures") beside what the model computes
 * from the article's own inputs. `sora-mc reproduce` prints these rows.
 */
import { computePoint } from '../model/compute.js';
import { textFlops, textModel } from '../model/compute-per-output.js';
import { articleValues } from '../model/inputs.js';
import type { OutputKey } from '../model/outputs.js';
import { agreement, type Agreement, type Precision } from './precision.js';
import { deepFrozen } from '../frozen.js';

/** The article's two cases: they differ only in the dataset multiplier. */
export const ARTICLE_CASES = deepFrozen({ conservative: 4, optimistic: 10 } as const);
export type ArticleCase = keyof typeof ARTICLE_CASES | 'both';

export interface FigureRow {
  figure: string;
  /** The output whose charts and tables show this figure, if one does. */
  output?: OutputKey;
  case: ArticleCase;
  unit: string;
  /** The figure as the article prints it. */
  printedText: string;
  printed: number;
  precision: Precision;
  computed: number;
  agreement: Agreement;
  /** Why a figure is off in its last digit or differs. */
  note?: string;
}

type Outputs = Record<OutputKey, number>;

interface FigureDef {
  figure: string;
  /** The output whose charts and tables show this figure, if one does. */
  output?: OutputKey;
  unit: string;
  printed: Partial<Record<ArticleCase, [text: string, value: number]>>;
  precision: Precision;
  compute: (out: Outputs) => number;
  note?: Partial<Record<ArticleCase, string>>;
}

/** The article's inputs with the dataset multiplier of one case. */
export function articlePoint(datasetMultiplier: number) {
  return { ...articleValues(), datasetMultiplier };
}

const DEFS: readonly FigureDef[] = [
  {
    figure: 'Training compute', output: 'trainFlops', unit: 'FLOP', precision: { significant: 2 },
    printed: { conservative: ['1.1e25', 1.1e25], optimistic: ['2.7e25', 2.7e25] },
    compute: (o) => o.trainFlops,
  },
  {
    figure: 'H100s for one month', output: 'trainH100s', unit: 'H100s', precision: { decimals: 0 },
    printed: { conservative: ['4,211', 4211], optimistic: ['10,528', 10528] },
    compute: (o) => o.trainH100s,
  },
  {
    figure: 'DiT-XL on one H100', unit: 'days', precision: { decimals: 0 },
    printed: { both: ['~12 days', 12] },
    compute: (o) => o.ditTrainDaysOneH100,
  },
  {
    figure: 'DiT-XL in H100-months', unit: 'H100-months', precision: { decimals: 1 },
    printed: { both: ['0.4', 0.4] },
    compute: (o) => o.ditTrainDaysOneH100 / 30,
  },
  {
    figure: 'Per-step inference', output: 'stepFlops', unit: 'FLOP', precision: { significant: 2 },
    printed: { both: ['2.8e15', 2.8e15] },
    compute: (o) => o.stepFlops,
  },
  {
    figure: 'Per 1-minute video', unit: 'FLOP', precision: { significant: 3 },
    printed: { both: ['708e15', 708e15] },
    compute: (o) => o.flopsPerVideoMinute,
    note: {
      both: "the article used DiT's 524.6 GFLOP here, not its own 524e9: 524.6e9 × 30 × 180 × 250 = 7.08e17",
    },
  },
  {
    figure: 'Video per H100-hour', output: 'videoMinutesPerGpuHour', unit: 'min', precision: { decimals: 0 },
    printed: { both: ['~5 minutes', 5] },
    compute: (o) => o.videoMinutesPerGpuHour,
  },
  {
    figure: 'Inference/training crossover', output: 'crossoverMinutes', unit: 'min', precision: { significant: 3 },
    printed: { conservative: ['15.3M', 15.3e6], optimistic: ['38.1M', 38.1e6] },
    compute: (o) => o.crossoverMinutes,
    note: { optimistic: 'the article divided its rounded 2.7e25 by its rounded 708e15 (= 38.1M)' },
  },
  {
    figure: 'DiT-XL crossover', unit: 'images', precision: { significant: 2 },
    printed: { both: ['7.6M', 7.6e6] },
    compute: (o) => o.ditCrossoverImages,
  },
  {
    figure: 'Per unit output: DiT-XL image', output: 'ditImageFlops', unit: 'FLOP', precision: { significant: 3 },
    printed: { both: ['1.31e14', 1.31e14] },
    compute: (o) => o.ditImageFlops,
  },
  {
    figure: 'Per unit output: Sora minute', output: 'flopsPerVideoMinute', unit: 'FLOP', precision: { significant: 3 },
    printed: { both: ['7.07e17', 7.07e17] },
    compute: (o) => o.flopsPerVideoMinute,
  },
  {
    figure: 'Per unit output: Llama-2-70B (1,000 tokens)', unit: 'FLOP', precision: { significant: 2 },
    printed: { both: ['1.4e14', 1.4e14] },
    compute: () => textFlops(textModel('Llama-2-70B').activeParams),
  },
  {
    figure: 'Per unit output: GPT-4 (1,000 tokens)', unit: 'FLOP', precision: { significant: 2 },
    printed: { both: ['8.8e14', 8.8e14] },
    compute: () => textFlops(textModel('GPT-4').activeParams),
  },
  {
    figure: 'AI video minutes per day', output: 'aiMinutesPerDay', unit: 'min/day', precision: { significant: 4 },
    printed: { both: ['14.95M', 14.95e6] },
    compute: (o) => o.aiMinutesPerDay,
    note: { both: 'not printed as a number: the article states 50% of TikTok\'s 17M and 15% of YouTube\'s 43M' },
  },
  {
    figure: 'Inference fleet, average', output: 'inferenceH100sAverage', unit: 'H100s', precision: { significant: 2 },
    printed: { both: ['~89k', 89e3] },
    compute: (o) => o.inferenceH100sAverage,
    note: {
      both:
        "the article's 89k does not follow from its stated inputs: 14.95M min/day ÷ (5.04 min/H100-hour × 24 h) = 123.7k",
    },
  },
  {
    figure: 'Inference fleet, peak', output: 'inferenceH100sPeak', unit: 'H100s', precision: { significant: 2 },
    printed: { both: ['~720k', 720e3] },
    compute: (o) => o.inferenceH100sPeak,
    note: {
      both:
        'the article does not publish its peak factors (720k / 89k ≈ 8.1 ≈ 2 × 2 × 2 for peak demand, utilisation and candidates); with them at 1, peak = average',
    },
  },
];

/** Every article figure, computed from the article's inputs, for each case it is printed for. */
export function articleFigures(): FigureRow[] {
  const outputs = {
    conservative: computePoint(articlePoint(ARTICLE_CASES.conservative), 'article'),
    optimistic: computePoint(articlePoint(ARTICLE_CASES.optimistic), 'article'),
  };
  const rows: FigureRow[] = [];
  for (const def of DEFS) {
    for (const [articleCase, printed] of Object.entries(def.printed) as [ArticleCase, [string, number]][]) {
      const computed = def.compute(outputs[articleCase === 'both' ? 'conservative' : articleCase]);
      const row: FigureRow = {
        figure: def.figure,
        ...(def.output === undefined ? {} : { output: def.output }),
        case: articleCase,
        unit: def.unit,
        printedText: printed[0],
        printed: printed[1],
        precision: def.precision,
        computed,
        agreement: agreement(computed, printed[1], def.precision),
      };
      const note = def.note?.[articleCase];
      if (note !== undefined) row.note = note;
      rows.push(row);
    }
  }
  return rows;
}
