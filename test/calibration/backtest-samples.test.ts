/**
 * `backtest --samples` had no bounds. The backtest holds a column of
 * draws per input in memory, so `--samples 1e12` exited 3 with "RangeError: Invalid typed array
 * length" and a stack trace, and `--samples 1e8` asked for ~30 GB (killed, or the machine swapping);
 * `--samples 1` printed bands like 1,500–1,500–1,500 from one draw. Now bad input (exit 2), like
 * `sensitivity --samples`.
 */
import { describe, expect, it } from 'vitest';
import { backtestJob } from '../../src/commands/backtest.js';
import { soraError } from '../helpers/scenario-error.js';

describe('backtest --samples is bounded', () => {
  it.each(['1e12', '2000000', '1', '99'])('--samples %s is bad input naming the range', (samples) => {
    const error = soraError(() => backtestJob({ scenario: 'calibrated', samples }));
    expect(error.details.path).toBe('--samples');
    expect(error.details.expected).toMatch(/100.*1,048,576/);
  });

  it('the ends of the range run', () => {
    expect(backtestJob({ scenario: 'calibrated', samples: '100' }).samples).toBe(100);
  });
});
