/**
 * The browser builds of vega, vega-lite and vega-embed, read from node_modules when a report is
 * made, to inline in the HTML (no CDN: the page works offline). The packages do not export their
 * bundle files, so each package's main entry is resolved and the bundle beside it is read.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface EmbedLibrary {
  name: string;
  version: string;
  code: string;
}

export interface EmbedAssets {
  vega: EmbedLibrary;
  vegaLite: EmbedLibrary;
  vegaEmbed: EmbedLibrary;
}

function library(name: string, bundle: string): EmbedLibrary {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve(name));
  const manifest = JSON.parse(readFileSync(join(dir, '..', 'package.json'), 'utf8')) as { name: string; version: string };
  if (manifest.name !== name) throw new Error(`expected ${name}'s package.json beside its build folder, found ${manifest.name}`);
  return { name, version: manifest.version, code: readFileSync(join(dir, bundle), 'utf8') };
}

/** Reads the three minified browser bundles (UMD: they define the globals vega, vegaLite, vegaEmbed). */
export function loadEmbedAssets(): EmbedAssets {
  return {
    vega: library('vega', 'vega.min.js'),
    vegaLite: library('vega-lite', 'vega-lite.min.js'),
    vegaEmbed: library('vega-embed', 'vega-embed.min.js'),
  };
}
