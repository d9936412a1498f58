/**
 * Whether the "peak" inference fleet is really the average fleet: when a scenario fixes
 * peakToAverage, servingUtilization and candidatesPerVideo at 1, inferenceH100sPeak equals
 * inferenceH100sAverage and must be called the average fleet (headline and charts).
 */
import { OUTPUTS, type OutputKey } from '../src/model/outputs.js';
import type { Result } from '../src/result/types.js';

const PEAK_FACTORS = ['peakToAverage', 'servingUtilization', 'candidatesPerVideo'] as const;

export function fleetIsAverage(result: Result): boolean {
  return PEAK_FACTORS.every((key) => {
    const spec = result.scenario.inputs[key].spec;
    return spec.dist === 'fixed' && spec.value === 1;
  });
}

/** `at peak` or `on average (peak factors at 1)`. */
export function fleetWords(result: Result): { short: string; long: string } {
  return fleetIsAverage(result)
    ? { short: 'on average', long: 'to serve average demand (peak-to-average, utilisation and candidates all at 1: this is the average fleet, not a peak)' }
    : { short: 'at peak', long: 'to serve peak demand' };
}

/**
 * An output's label as a table or chart axis writes it: the "peak" fleet is labelled the average
 * fleet when it is one (the same number as inferenceH100sAverage then), so no table or axis calls
 * it a peak beside the article's ~720k peak while the sentence above it says "average".
 */
export function outputLabel(result: Result, key: OutputKey): string {
  return key === 'inferenceH100sPeak' && fleetIsAverage(result) ? OUTPUTS.inferenceH100sAverage.label : result.outputs[key].label;
}

/** An output as a chart title names it ("the peak inference fleet", or the average one when it is). */
export function outputSubject(result: Result, key: OutputKey): string {
  if (key === 'inferenceH100sPeak' && fleetIsAverage(result)) return 'the average inference fleet';
  return OUTPUTS[key].words?.subject ?? result.outputs[key].label;
}

/** The label of an output in a comparison: the average fleet's only when it is that in every scenario compared. */
export function comparedLabel(results: readonly Result[], key: OutputKey): string {
  return results.every((result) => outputLabel(result, key) !== result.outputs[key].label) ? outputLabel(results[0]!, key) : results[0]!.outputs[key].label;
}

/** A comparison chart's name for an output ("Peak inference fleet", or "Average inference fleet" when it is that in every scenario). */
export function comparedName(results: readonly Result[], key: OutputKey): string {
  if (key === 'inferenceH100sPeak' && results.every(fleetIsAverage)) return 'Average inference fleet';
  return OUTPUTS[key].words?.name ?? results[0]!.outputs[key].label;
}
