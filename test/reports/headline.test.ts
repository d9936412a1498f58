import { backtest, summaryOf } from '../../src/calibration/backtest.js';
import { shippedCalibration } from '../../src/calibration/read.js';
import { rounded } from '../../src/format.js';
import { describe, expect, it } from 'vitest';
import { headline, headlines, runLengthWords } from '../../reports/headline.js';
import { formatRounded, readerRange } from '../../src/format.js';
import { HEADLINE_OUTPUTS } from '../../src/model/outputs.js';
import { percentile } from '../../src/result/percentile.js';
import { simulated } from './fixtures.js';

const mission = await simulated('mission');
const article = await simulated('article');

describe('headline sentences', () => {
  it('has one sentence per headline output, in order', () => {
    expect(headlines(mission).map((h) => h.key)).toEqual([...HEADLINE_OUTPUTS]);
  });

  it.each([...HEADLINE_OUTPUTS])('%s shows the Result’s P10, P50 and P90 as formatted', (key) => {
    const stats = mission.outputs[key];
    const [p10, p50, p90] = [0.1, 0.5, 0.9].map((q) => formatRounded(percentile(stats, q).value, stats.unit));
    const { sentence, numbers } = headline(mission, key);
    expect(numbers).toEqual({ p10, p50, p90 });
    expect(sentence).toContain(`${p10}–${p90}`);
    expect(sentence).toContain(`(P10–P90), median ${p50}`);
  });

  it('says training in the words of the issue, with the article’s range', () => {
    const { sentence, numbers } = headline(mission, 'trainH100s');
    expect(sentence).toMatch(new RegExp(`^Training: ${numbers.p10}–${numbers.p90} H100s for a month \\(P10–P90\\), median ${numbers.p50}; the article said 4,211–10,528\\. `));
  });

  it('gives training cost in dollars and the crossover in uploads (days, hours or minutes), from the Result’s own percentiles', () => {
    const cost = mission.outputs.trainCostUsd;
    const [p10, p50, p90] = [0.1, 0.5, 0.9].map((p) => percentile(cost, p).value);
    // mission fixes the GPU price at $2 an H100-hour: cost = $2 × training H100-hours.
    expect(p50).toBeCloseTo(2 * percentile(mission.outputs.trainGpuHours, 0.5).value, 6);
    expect(headline(mission, 'trainH100s').sentence).toContain(`In dollars: ${readerRange(p10!, p90!, 'USD')} (median ${formatRounded(p50!, 'USD')}) of H100 time at $2.00 an H100-hour.`);
    expect(headline(mission, 'crossoverMinutes').sentence).toMatch(/In uploads: [\d.]+–[\d.]+ (days|hours|minutes) \(median [\d.]+\) of the scenario's AI-generated uploads\.$/);
  });

  it('shows an output of two values as its two cases, not a median (the article scenario)', async () => {
    const article = await simulated('article');
    const { sentence } = headline(article, 'trainH100s');
    expect(sentence).toMatch(/^Training: 4,211 or 10,528 H100s for a month \(two cases, \d+% and \d+% of the samples/);
    expect(sentence).not.toMatch(/median [\d$]/);
  });

  it('quotes the article’s other figures and invents none for cost', () => {
    expect(headline(mission, 'crossoverMinutes').sentence).toContain('the article said 15.3M–38.1M');
    expect(headline(mission, 'videoMinutesPerGpuHour').sentence).toContain('the article said ~5 minutes');
    expect(headline(mission, 'costPerVideoMinuteUsd').sentence).toContain('the article gives no cost figure');
    expect(headline(mission, 'inferenceH100sPeak').sentence).toMatch(/the article said ~720k at peak \(its ~89k average does not follow/);
  });

  it('says so when P10 equals P90 instead of printing a range of one value', () => {
    const { sentence, numbers } = headline(article, 'videoMinutesPerGpuHour');
    expect(numbers.p10).toBe(numbers.p90);
    expect(sentence.startsWith(`Throughput: one H100 generates ${numbers.p50} minutes of video an hour (P10 = P90); the article said ~5 minutes.`)).toBe(true);
  });

  it("says, with the backtest's own figure, how far the article step cost sits from measured inference", () => {
    const fit = summaryOf(backtest(mission.scenario, shippedCalibration()), 'article', 'inference')!;
    expect(fit.geometricMean).toBeGreaterThan(1);
    const sentence = headline(mission, 'videoMinutesPerGpuHour').sentence;
    expect(sentence).toContain(`under-predicts measured inference ${rounded(fit.geometricMean, 3)}×`);
    expect(sentence).toContain(`geometric mean of ${fit.count} runs`);
  });

  it('calls the fleet the average fleet when every peak factor is 1', () => {
    expect(headline(mission, 'inferenceH100sPeak').sentence).toContain('to serve average demand');
    const peaked = structuredClone(mission);
    peaked.scenario.inputs.peakToAverage = { ...peaked.scenario.inputs.peakToAverage, spec: { dist: 'fixed', value: 2 } };
    expect(headline(peaked, 'inferenceH100sPeak').sentence).toContain('to serve peak demand');
  });

  it('names the run length from the scenario', () => {
    expect(runLengthWords(mission)).toBe('a month');
    const longer = structuredClone(mission);
    longer.scenario.inputs.trainDays = { ...longer.scenario.inputs.trainDays, p10: 60, p50: 60, p90: 60 };
    expect(runLengthWords(longer)).toBe('a 60-day run');
    longer.scenario.inputs.trainDays = { ...longer.scenario.inputs.trainDays, p10: 30, p50: 45, p90: 90 };
    expect(runLengthWords(longer)).toBe('a run of 30–90 days');
  });
});
