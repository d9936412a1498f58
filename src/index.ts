/**
 * sora-mc as a library: load a scenario, simulate it, read a Result, and the model underneath.
 *
 * @example
 * import { loadScenario, simulate } from 'sora-mc';
 * const result = await simulate(loadScenario('mission'), { samples: 1e5 });
 * console.log(result.outputs.trainH100s.percentiles);
 */
export { loadScenario, type Scenario, type LoadOptions } from './scenario/resolve.js';
export { compileInputs } from './scenario/compile.js';
export { builtinNames } from './scenario/files.js';
export { simulate, type SimulateOptions } from './simulate/simulate.js';
export { SamplerPool, type Progress } from './simulate/pool.js';
export { readResult, parseResult } from './result/read.js';
export type * from './result/types.js';
export { computePoint, computeColumns, type StepCostModel } from './model/compute.js';
export { INPUTS, INPUT_KEYS, articleValues, type InputKey, type InputSpec } from './model/inputs.js';
export { OUTPUTS, OUTPUT_KEYS, HEADLINE_OUTPUTS, type OutputKey } from './model/outputs.js';
export { articleFigures, type FigureRow } from './article/figures.js';
export { compileDistribution, type Distribution, type DistributionSpec } from '../distributions/index.js';
export { SoraError } from './errors.js';
export { backtest, requireBacktestInputs, type Backtest, type BacktestRow, type RatioSummary } from './calibration/backtest.js';
export { readCalibration, parseCalibration, shippedCalibration } from './calibration/read.js';
export type { CalibrationSet } from './calibration/types.js';
