/**
 * The JSON Schema of a calibration set (src/calibration/calibration.json). Every number sits
 * beside a non-blank `source`; every figure is a positive finite number. Which shapes the model can
 * take (domains of the input catalogue) is checked after the schema, in read.ts.
 */
import { deepFrozen } from '../frozen.js';

/** A string with at least one non-space character. */
const text = { type: 'string', pattern: '\\S', description: 'a non-blank text' } as const;
/** Where a number comes from: required beside every number. */
const source = { type: 'string', pattern: '\\S', description: 'a non-blank source: every number in the calibration set needs one' } as const;
/** JSON has no infinities or NaN; exclusiveMinimum 0 refuses zero and negatives. */
const positive = { type: 'number', exclusiveMinimum: 0, description: 'a positive, finite number' } as const;

const sourced = {
  type: 'object',
  required: ['value', 'source'],
  additionalProperties: false,
  properties: { value: { type: 'number', description: 'a finite number' }, source, note: { type: 'string', description: 'a remark' } },
} as const;

const measured = {
  source,
  thirdParty: { type: 'boolean', description: 'true when someone other than the model\'s authors gives the figure' },
} as const;

export const CALIBRATION_SCHEMA: Record<string, unknown> = deepFrozen({
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'sora-mc calibration set',
  type: 'object',
  required: ['description', 'gpus', 'models', 'inference', 'training', 'apiPrices'],
  additionalProperties: false,
  properties: {
    description: { type: 'string' },
    gpus: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'peakFlops'],
        additionalProperties: false,
        properties: { name: text, peakFlops: sourced },
      },
    },
    models: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'name', 'shape'],
        additionalProperties: false,
        properties: {
          id: text,
          name: text,
          shape: {
            type: 'object',
            required: ['params'],
            additionalProperties: false,
            properties: {
              params: sourced, layers: sourced, dModel: sourced, spatialCompression: sourced, temporalCompression: sourced,
              causalLatentFrames: sourced, patchSize: sourced, temporalPatch: sourced,
            },
          },
        },
      },
    },
    inference: {
      type: 'array',
      items: {
        type: 'object',
        required: ['model', 'setting', 'measured'],
        additionalProperties: false,
        properties: {
          model: text,
          setting: {
            type: 'object',
            required: ['height', 'width', 'frames', 'samplingSteps', 'cfgPasses', 'gpus', 'gpu', 'source'],
            additionalProperties: false,
            properties: {
              height: positive, width: positive, frames: positive, fps: positive, samplingSteps: positive,
              cfgPasses: positive, gpus: { type: 'integer', minimum: 1, description: 'a whole number of GPUs, at least 1' }, gpu: text, source,
            },
          },
          measured: {
            type: 'object',
            required: ['seconds', 'source', 'thirdParty'],
            additionalProperties: false,
            properties: { seconds: positive, ...measured },
          },
        },
      },
    },
    training: {
      type: 'array',
      items: {
        type: 'object',
        required: ['model', 'gpu', 'measured'],
        additionalProperties: false,
        properties: {
          model: text,
          gpu: text,
          trainMfu: sourced,
          measured: {
            type: 'object',
            required: ['gpuHours', 'source', 'thirdParty'],
            additionalProperties: false,
            properties: { gpuHours: positive, ...measured },
          },
        },
      },
    },
    apiPrices: {
      type: 'array',
      items: {
        type: 'object',
        required: ['product', 'usdPerSecond', 'when', 'source', 'thirdParty'],
        additionalProperties: false,
        properties: { product: text, usdPerSecond: positive, when: text, source, thirdParty: { type: 'boolean', description: 'true for a secondary source' } },
      },
    },
  },
} as const);
