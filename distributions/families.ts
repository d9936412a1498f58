/**
 * The table of families: each family's parameters, parameter sets and builder, in the order of
 * FAMILIES. compile.ts validates against it; describeFamilies() prints it for the docs; schema.ts
 * turns it into a JSON Schema.
 */
import { betaFamily } from './beta.js';
import { discreteFamily } from './discrete.js';
import { DOMAIN_TEXT, showSet, type FamilyDefinition, type FamilyDoc } from './family.js';
import { fixedFamily } from './fixed.js';
import { lognormalFamily } from './lognormal.js';
import { loguniformFamily } from './loguniform.js';
import { normalFamily } from './normal.js';
import { pertFamily } from './pert.js';
import { triangularFamily } from './triangular.js';
import { FAMILIES, type Family } from './types.js';
import { uniformFamily } from './uniform.js';
import { deepFrozen } from '../src/frozen.js';

export const FAMILY_DEFINITIONS: Readonly<Record<Family, FamilyDefinition>> = Object.freeze({
  fixed: fixedFamily,
  uniform: uniformFamily,
  loguniform: loguniformFamily,
  normal: normalFamily,
  lognormal: lognormalFamily,
  triangular: triangularFamily,
  pert: pertFamily,
  beta: betaFamily,
  discrete: discreteFamily,
});

/** Each family's parameters, parameter sets and domains, in the order of FAMILIES. */
export const FAMILY_DOCS: readonly FamilyDoc[] = FAMILIES.map((family) => FAMILY_DEFINITIONS[family].doc);

/** The shorthand forms that are not objects, for docs. */
export const SHORTHANDS: readonly { readonly form: string; readonly meaning: string }[] = deepFrozen([
  { form: '120', meaning: 'a bare finite number: fixed at that value' },
  {
    form: '"10B to 30B"',
    meaning:
      'a string "a to b" (numbers in JS syntax, e.g. 10e9, with an optional k/M/B/T suffix): lognormal with p5 = a, p95 = b; 0 < a < b',
  },
]);

/**
 * The families, their parameter sets and parameter domains as Markdown, for the docs, e.g.
 * `- **normal** — Normal (Gaussian) …` followed by one line per parameter set and per parameter.
 */
export function describeFamilies(): string {
  const lines: string[] = ['Shorthands:', ...SHORTHANDS.map(({ form, meaning }) => `- \`${form}\`: ${meaning}`), ''];
  lines.push('Families (`{ dist: <family>, …parameters, truncate?: [min | null, max | null] }`):');
  for (const doc of FAMILY_DOCS) {
    lines.push(`- **${doc.family}**: ${doc.summary} Example: \`${JSON.stringify(doc.example)}\``);
    for (const set of doc.sets) {
      const rules = set.constraints.length > 0 ? `; ${set.constraints.join(', ')}` : '';
      lines.push(`  - \`${showSet(set)}\`: ${set.description}${rules}`);
    }
    for (const [name, parameter] of Object.entries(doc.parameters)) {
      const fallback = parameter.default === undefined ? '' : ` (default ${parameter.default})`;
      lines.push(`  - \`${name}\`: ${parameter.description}; ${DOMAIN_TEXT[parameter.domain]}${fallback}`);
    }
  }
  lines.push('', 'Any object form may add `truncate: [min, max]` (either end null): the distribution conditioned on min ≤ X ≤ max.');
  return lines.join('\n');
}
