/**
 * The built-in scenario the product names as its best estimate (the default of every command that
 * samples one scenario). Why it is the best estimate is computed from its backtest:
 * src/calibration/best-estimate.ts.
 */
export const BEST_ESTIMATE = 'calibrated';
