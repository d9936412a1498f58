/**
 * The article's comparison of inference compute per unit of output (docs/model.md,
 * "Outputs, per sample", its last paragraph): language models at 2 × active parameters FLOPs per token, over 1,000 tokens.
 */
import { deepFrozen } from '../frozen.js';

export interface TextModel {
  name: string;
  /** Parameters active for one token. */
  activeParams: number;
  note: string;
}

export const TOKENS_PER_UNIT = 1000;

export const TEXT_MODELS: readonly TextModel[] = deepFrozen([
  { name: 'Llama-2-70B', activeParams: 70e9, note: 'dense, 70B parameters' },
  { name: 'GPT-4', activeParams: 440e9, note: 'assumed mixture of experts, 2 × 220B active' },
]);

/** Forward-pass FLOPs for `tokens` tokens of a model with `activeParams` active parameters. */
export function textFlops(activeParams: number, tokens = TOKENS_PER_UNIT): number {
  return 2 * activeParams * tokens;
}

/** The text model of that name. */
export function textModel(name: string): TextModel {
  const model = TEXT_MODELS.find((m) => m.name === name);
  if (!model) throw new Error(`no text model named ${name}`);
  return model;
}
