/** `sora-mc schema [kind]`: the JSON Schemas sora-mc publishes under schema/, by kind of file. */
import { baselineJsonSchema } from '../regress/schema.js';
import { resultJsonSchema } from '../result/schema.js';
import { scenarioJsonSchema } from '../scenario/schema.js';
import { deepFrozen } from '../frozen.js';

export const SCHEMAS = deepFrozen({
  scenario: scenarioJsonSchema,
  result: resultJsonSchema,
  baseline: baselineJsonSchema,
} as const);
