/** `sora-mc inputs`: the input catalogue as a table and as JSON. */
import { INPUT_KEYS, INPUTS, describeDomain } from '../model/inputs.js';
import { formatValue } from '../format.js';
import { textTable, type Column } from './table.js';

export function inputsJson() {
  return INPUT_KEYS.map((key) => INPUTS[key]);
}

const COLUMNS: Column[] = [
  { head: 'input' },
  { head: 'unit' },
  { head: 'article', align: 'right' },
  { head: 'domain' },
  { head: 'evidence' },
  { head: 'what it is', kind: 'prose' },
];

export function inputsText(width = Infinity): string {
  const rows = INPUT_KEYS.map((key) => {
    const spec = INPUTS[key];
    const evidence = spec.evidence
      ? `${formatValue(spec.evidence.low, spec.unit)}–${formatValue(spec.evidence.high, spec.unit)}`
      : '';
    const marker = spec.transformerOnly ? ' (transformer)' : '';
    return [key, spec.unit, formatValue(spec.article, spec.unit), describeDomain(spec.domain), evidence, spec.description + marker];
  });
  return textTable(COLUMNS, rows, width);
}
