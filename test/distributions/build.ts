/**
 * Builds a family straight from its definition (the code in the family's own file), without going
 * through compile.ts: the set is the one the parameter names fill, optional parameters get defaults.
 * Keeps each family's test file about that file (and its imports light).
 */
import type { FamilyDefinition } from '../../distributions/family.js';
import type { Distribution } from '../../distributions/types.js';

export function buildFamily(definition: FamilyDefinition, parameters: Readonly<Record<string, number | readonly number[]>>): Distribution {
  const names = Object.keys(parameters);
  const { sets, parameters: docs } = definition.doc;
  const set = sets.findIndex(
    ({ required, optional }) =>
      required.every((name) => names.includes(name)) && names.every((name) => required.includes(name) || optional.includes(name)),
  );
  if (set < 0) throw new Error(`no parameter set of ${definition.doc.family} is {${names.join(', ')}}`);
  const filled: Record<string, number | readonly number[]> = { ...parameters };
  for (const name of sets[set]!.optional) filled[name] ??= docs[name]!.default!;
  return sets[set]!.build(filled);
}
