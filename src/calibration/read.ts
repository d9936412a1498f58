/**
 * Reading a calibration set: the JSON Schema (ajv) first, then what a schema cannot say — that
 * every shape is one the model can take (inside its input's domain in the catalogue), and that every
 * entry names a model and a GPU the set defines. Anything wrong is one SoraError naming the file,
 * the path of the bad value, what was expected and what was found.
 */
import { SoraError, show } from '../errors.js';
import { readInputFile } from '../io/read.js';
import { describeDomain, inDomain, INPUTS } from '../model/inputs.js';
import { validate } from '../validate.js';
import shipped from './calibration.json' with { type: 'json' };
import { CALIBRATION_SCHEMA } from './schema.js';
import { SHAPE_KEYS, type CalibrationSet, type Sourced } from './types.js';

/** How the shipped set is named in errors. */
export const SHIPPED_CALIBRATION = 'src/calibration/calibration.json';

function checkDomain(file: string, path: string, key: keyof typeof INPUTS, value: number): void {
  const { domain, unit } = INPUTS[key];
  if (Number.isFinite(value) && inDomain(value, domain)) return;
  throw new SoraError(`a shape the model cannot take: ${key} ${show(value)}`, {
    file, path, expected: `${key} in ${describeDomain(domain)} (${unit})`, found: show(value),
  });
}

/** The checks after the schema: names that resolve, shapes inside the model's domains. */
function checkSemantics(file: string, set: CalibrationSet): void {
  const gpus = new Set(set.gpus.map((g) => g.name));
  const models = new Set<string>();
  set.gpus.forEach((gpu, i) => checkDomain(file, `gpus.${i}.peakFlops.value`, 'gpuPeakFlops', gpu.peakFlops.value));
  set.models.forEach((model, i) => {
    if (models.has(model.id)) {
      throw new SoraError('two models share an id', { file, path: `models.${i}.id`, expected: 'a unique id', found: show(model.id) });
    }
    models.add(model.id);
    for (const key of SHAPE_KEYS) {
      const field: Sourced | undefined = model.shape[key];
      if (field === undefined) continue;
      checkDomain(file, `models.${i}.shape.${key}.value`, key === 'params' ? 'soraParams' : key, field.value);
    }
    const { dModel } = model.shape;
    if (dModel !== undefined && dModel.value === 0) {
      throw new SoraError('a shape the model cannot take: dModel 0', { file, path: `models.${i}.shape.dModel.value`, expected: 'a positive width (leave dModel out to derive it)', found: '0' });
    }
  });
  const known = (list: 'inference' | 'training', i: number, model: string, gpu: string, gpuPath: string): void => {
    if (!models.has(model)) {
      throw new SoraError('an entry names a model the set does not define', { file, path: `${list}.${i}.model`, expected: `one of ${[...models].join(', ')}`, found: show(model) });
    }
    if (!gpus.has(gpu)) {
      throw new SoraError('an entry names a GPU the set does not define', { file, path: gpuPath, expected: `one of ${[...gpus].join(', ')}`, found: show(gpu) });
    }
  };
  set.inference.forEach((entry, i) => {
    known('inference', i, entry.model, entry.setting.gpu, `inference.${i}.setting.gpu`);
    checkDomain(file, `inference.${i}.setting.cfgPasses`, 'cfgPasses', entry.setting.cfgPasses);
    checkDomain(file, `inference.${i}.setting.samplingSteps`, 'samplingSteps', entry.setting.samplingSteps);
  });
  set.training.forEach((entry, i) => {
    known('training', i, entry.model, entry.gpu, `training.${i}.gpu`);
    if (entry.trainMfu !== undefined) checkDomain(file, `training.${i}.trainMfu.value`, 'trainMfu', entry.trainMfu.value);
  });
}

/** Validates parsed JSON as a calibration set; `file` names it in errors. */
/** JSON cannot hold Infinity or NaN, but a set built in code can: refuse any non-finite number. */
function checkFinite(file: string, node: unknown, path: string[]): void {
  if (typeof node === 'number' && !Number.isFinite(node)) {
    throw new SoraError('a calibration figure must be finite', { file, path: path.join('.'), expected: 'a finite number', found: String(node) });
  }
  if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) checkFinite(file, value, [...path, key]);
  }
}

export function parseCalibration(data: unknown, file: string): CalibrationSet {
  checkFinite(file, data, []);
  let set: CalibrationSet;
  try {
    set = validate<CalibrationSet>(CALIBRATION_SCHEMA, data);
  } catch (error) {
    throw error instanceof SoraError ? error.inFile(file) : error;
  }
  checkSemantics(file, set);
  return set;
}

/** The set shipped in the package, validated. */
export function shippedCalibration(): CalibrationSet {
  return parseCalibration(shipped, SHIPPED_CALIBRATION);
}

/** Reads and validates a calibration set from a JSON file. */
export function readCalibration(file: string): CalibrationSet {
  const text = readInputFile(file, 'the calibration file', "write one like sora-mc's own: src/calibration/calibration.json in its repository, dist/src/calibration/calibration.json where it is installed", ['.json']);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SoraError('the calibration file is not JSON', { file, expected: 'strict JSON', found: (error as Error).message });
  }
  return parseCalibration(data, file);
}
