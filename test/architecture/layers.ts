/**
 * The layer order of sora-mc (docs/development.md, "Layers"): a file may import from its own layer and the
 * layers below it, never from a layer above. Lowest first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

export const LAYERS: readonly { name: string; holds: readonly string[] }[] = [
  { name: 'shared', holds: ['src/did-you-mean.ts', 'src/errors.ts', 'src/exit-codes.ts', 'src/format.ts', 'src/frozen.ts', 'src/io/', 'src/paths.ts', 'src/validate.ts', 'src/version.ts'] },
  { name: 'model', holds: ['src/model/', 'src/article/'] },
  { name: 'distributions', holds: ['distributions/'] },
  { name: 'scenario', holds: ['src/scenario/'] },
  { name: 'stats', holds: ['src/stats/'] },
  { name: 'result', holds: ['src/result/'] },
  { name: 'bridge', holds: ['src/bridge/'] },
  { name: 'calibration', holds: ['src/calibration/'] },
  { name: 'kernel', holds: ['src/kernel/'] },
  { name: 'sampling', holds: ['src/sampling/', 'src/simulate/', 'workers/'] },
  { name: 'sensitivity', holds: ['src/sensitivity/'] },
  { name: 'reports and regress', holds: ['reports/', 'src/regress/'] },
  { name: 'views', holds: ['src/views/'] },
  { name: 'commands', holds: ['src/commands/'] },
  { name: 'cli', holds: ['src/cli.ts', 'src/cli/', 'src/index.ts'] },
];

/** The index of the layer that holds `file` (a path relative to the repository, with `/`), or -1. */
export function layerOf(file: string): number {
  return LAYERS.findIndex((layer) => layer.holds.some((hold) => (hold.endsWith('/') ? file.startsWith(hold) : file === hold)));
}

/** Every relative module a TypeScript source imports or re-exports (static and dynamic). */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)) found.push(match[1]!);
  return found;
}

export interface Violation {
  file: string;
  imports: string;
  fileLayer: string;
  importedLayer: string;
}

/** Imports from a higher layer, or from/in a file no layer holds, among `files` (path → source). */
export function violations(files: ReadonlyMap<string, string>): Violation[] {
  const out: Violation[] = [];
  for (const [file, source] of files) {
    const from = layerOf(file);
    for (const specifier of importsOf(source)) {
      const target = normalize(join(dirname(file), specifier)).replace(/\\/g, '/').replace(/\.js$/, '.ts');
      const to = layerOf(target);
      if (from < 0 || to < 0 || to > from) {
        out.push({ file, imports: target, fileLayer: LAYERS[from]?.name ?? '(no layer)', importedLayer: LAYERS[to]?.name ?? '(no layer)' });
      }
    }
  }
  return out;
}

/** Every TypeScript source of the layered folders, by path relative to `root`. */
export function sources(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.set(relative(root, path).replace(/\\/g, '/'), readFileSync(path, 'utf8'));
    }
  };
  for (const top of ['src', 'distributions', 'reports', 'workers']) walk(join(root, top));
  return files;
}
