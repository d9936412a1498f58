/** `sora-mc inputs`: the input catalogue as a table and as JSON. */
import { INPUT_KEYS, INPUTS, describeDomain } from '../model/inputs.js';
import { formatValue } from '../format.js';
import { textTable } from './table.js';

export function inputsJson() {
  return INPUT_KEYS.map((key) => INPUTS[key]);
}

export function inputsText(): string {
  const rows = INPUT_KEYS.map((key) => {
    const spec = INPUTS[key];
    const evidence = spec.evidence
      ? `${formatValue(spec.evidence.low, spec.unit)}–${formatValue(spec.evidence.high, spec.unit)}`
      : '';
    const marker = spec.transformerOnly ? ' (transformer)' : '';
    return [key, spec.unit, formatValue(spec.article, spec.unit), describeDomain(spec.domain), evidence, spec.description + marker];
  });
  return textTable(['input', 'unit', 'article', 'domain', 'evidence', 'what it is'], rows, ['left', 'left', 'right']);
}
