/**
 * Whether the "peak" inference fleet is really the average fleet: when a scenario fixes
 * peakToAverage, servingUtilization and candidatesPerVideo at 1, inferenceH100sPeak equals
 * inferenceH100sAverage and must be called the average fleet (headline and charts).
 */
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
