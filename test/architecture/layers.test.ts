// Imports run one way: every file imports only from its own layer or the layers below (docs/development.md, "Layers").
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { importsOf, LAYERS, layerOf, sources, violations } from './layers.js';

describe('layers', () => {
  const files = sources(packagePath());

  it('every source file belongs to a layer', () => {
    expect([...files.keys()].filter((file) => layerOf(file) < 0)).toEqual([]);
  });

  it('no file imports from a layer above its own', () => {
    const found = violations(files).map((v) => `${v.file} (${v.fileLayer}) imports ${v.imports} (${v.importedLayer})`);
    expect(found).toEqual([]);
  });

  it('the check sees static, re-exported and dynamic imports, and flags an upward one', () => {
    expect(importsOf("import { a } from './a.js';\nexport { b } from '../b.js';\nconst c = await import('./c.js');\nimport './d.js';")).toEqual([
      './a.js',
      '../b.js',
      './c.js',
      './d.js',
    ]);
    const planted = new Map([['src/stats/bins.ts', "import { percentile } from '../views/run.js';"]]);
    expect(violations(planted)).toEqual([{ file: 'src/stats/bins.ts', imports: 'src/views/run.ts', fileLayer: 'stats', importedLayer: 'views' }]);
  });

  it('lists the layers lowest first, each once', () => {
    expect(new Set(LAYERS.map((l) => l.name)).size).toBe(LAYERS.length);
  });
});
