import { describe, expect, it } from 'vitest';
import { compileDistribution } from '../../distributions/compile.js';
import { describeFamilies, FAMILY_DEFINITIONS, FAMILY_DOCS } from '../../distributions/families.js';
import { FAMILIES } from '../../distributions/types.js';

describe('the family table', () => {
  it('has one entry per family, in the order of FAMILIES', () => {
    expect(FAMILY_DOCS.map((doc) => doc.family)).toEqual([...FAMILIES]);
    for (const family of FAMILIES) expect(FAMILY_DEFINITIONS[family].doc.family).toBe(family);
  });

  it('documents every parameter its sets use; defaults only on optional parameters; examples compile to their family', () => {
    for (const doc of FAMILY_DOCS) {
      const used = new Set(doc.sets.flatMap((set) => [...set.required, ...set.optional]));
      expect([...used].sort()).toEqual(Object.keys(doc.parameters).sort());
      for (const set of doc.sets) {
        for (const name of set.required) expect(doc.parameters[name]!.default, `${doc.family}.${name}`).toBeUndefined();
      }
      expect(compileDistribution(doc.example).family).toBe(doc.family);
    }
  });

  it('no two parameter sets of a family can be filled by the same parameters', () => {
    for (const doc of FAMILY_DOCS) {
      doc.sets.forEach((a, i) =>
        doc.sets.forEach((b, j) => {
          if (i !== j) expect(a.required.every((name) => b.required.includes(name) || b.optional.includes(name))).toBe(false);
        }),
      );
    }
  });
});

describe('describeFamilies', () => {
  it('lists the shorthands, every family, its parameter sets and domains', () => {
    const text = describeFamilies();
    expect(text).toContain('"10B to 30B"');
    for (const family of FAMILIES) expect(text).toContain(`**${family}**`);
    expect(text).toContain('`{mean, sd}`: mean and standard deviation');
    expect(text).toContain('`{min, mode, max, lambda?}`');
    expect(text).toContain('`sd`: standard deviation; a finite number > 0');
    expect(text).toContain('`level`: probability of [low, high], e.g. 0.8 for an 80% interval; a number strictly between 0 and 1 (default 0.9)');
    expect(text).toContain('truncate');
  });
});
