import { describe, expect, it } from 'vitest';
import shipped from '../../src/calibration/calibration.json' with { type: 'json' };
import { parseCalibration, shippedCalibration } from '../../src/calibration/read.js';
import { SoraError } from '../../src/errors.js';

const FILE = 'test-calibration.json';
const copy = (): any => structuredClone(shipped);

function refusal(data: unknown): SoraError {
  try {
    parseCalibration(data, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(SoraError);
    return error as SoraError;
  }
  throw new Error('the set was accepted');
}

/** Every number in `node` together with the nearest enclosing object's `source`. */
function numbersWithSources(node: unknown, source: string | undefined, path: string, out: { path: string; source: string | undefined }[]) {
  if (typeof node === 'number') out.push({ path, source });
  else if (Array.isArray(node)) node.forEach((item, i) => numbersWithSources(item, source, `${path}.${i}`, out));
  else if (node !== null && typeof node === 'object') {
    const own = (node as Record<string, unknown>).source;
    const here = typeof own === 'string' ? own : source;
    for (const [key, value] of Object.entries(node)) numbersWithSources(value, here, `${path}.${key}`, out);
  }
  return out;
}

describe('the shipped calibration set', () => {
  it('reads', () => {
    const set = shippedCalibration();
    expect(set.inference.length).toBeGreaterThanOrEqual(8);
    expect(set.training.length).toBeGreaterThanOrEqual(4);
  });

  it('gives every number a non-blank source in the object that holds it or the one around it', () => {
    const found = numbersWithSources(shipped, undefined, '', []);
    expect(found.length).toBeGreaterThan(100);
    const unsourced = found.filter((n) => n.source === undefined || n.source.trim() === '');
    expect(unsourced).toEqual([]);
  });
});

describe('a calibration entry is refused when read', () => {
  it('without a source (naming the file, the path, what was expected and found)', () => {
    const data = copy();
    delete data.inference[2].measured.source;
    const error = refusal(data);
    expect(error.details).toMatchObject({ file: FILE, path: 'inference.2.measured.source', found: 'nothing' });
    expect(error.message).toMatch(/source/);
  });

  it('with a blank source on a shape figure', () => {
    const data = copy();
    data.models[0].shape.layers.source = '   ';
    expect(refusal(data).details).toMatchObject({ path: 'models.0.shape.layers.source' });
  });

  it.each([0, -1904])('with a measured figure of %s', (seconds) => {
    const data = copy();
    data.inference[0].measured.seconds = seconds;
    const error = refusal(data);
    expect(error.details).toMatchObject({ file: FILE, path: 'inference.0.measured.seconds', found: String(seconds) });
    expect(error.details.expected).toMatch(/positive, finite/);
  });

  it('with a non-finite figure', () => {
    const data = copy();
    data.training[0].measured.gpuHours = Number.POSITIVE_INFINITY;
    expect(refusal(data).details).toMatchObject({ path: 'training.0.measured.gpuHours', found: 'Infinity' });
  });

  it('with a shape the model cannot take', () => {
    const data = copy();
    data.models[1].shape.temporalCompression.value = 0.5;
    const error = refusal(data);
    expect(error.details).toMatchObject({ path: 'models.1.shape.temporalCompression.value', found: '0.5' });
    expect(error.details.expected).toMatch(/\[1, ∞\)/);
  });

  it('naming a model the set does not define', () => {
    const data = copy();
    data.training[1].model = 'sora-3';
    expect(refusal(data).details).toMatchObject({ path: 'training.1.model', found: '"sora-3"' });
  });
});
