/** Reading chart specs in tests: every inline data row, the subtitle lines, compiler warnings. */
import type { TopLevelSpec } from 'vega-lite';
import { toVega } from '../../reports/render/compile.js';

type Row = Record<string, unknown>;

interface Node {
  data?: { values?: Row[] };
  layer?: Node[];
  mark?: unknown;
  encoding?: Record<string, unknown>;
}

/** Every data row of a spec and its layers, each with the mark and encoding of the layer that draws it. */
export function rows(spec: TopLevelSpec): { row: Row; mark: unknown; encoding: Record<string, unknown> }[] {
  const out: { row: Row; mark: unknown; encoding: Record<string, unknown> }[] = [];
  const walk = (node: Node, data: Row[] | undefined, encoding: Record<string, unknown>) => {
    const values = node.data?.values ?? data;
    const merged = { ...encoding, ...(node.encoding ?? {}) };
    if (node.layer) for (const child of node.layer) walk(child, values, merged);
    else if (values) for (const row of values) out.push({ row, mark: node.mark, encoding: merged });
  };
  walk(spec as Node, undefined, {});
  return out;
}

/** The rows of the layers drawing `mark` (e.g. 'rule', 'text', 'area'). */
export function rowsOf(spec: TopLevelSpec, mark: string): Row[] {
  const type = (m: unknown) => (typeof m === 'string' ? m : (m as { type?: string } | undefined)?.type);
  return rows(spec).filter((r) => type(r.mark) === mark).map((r) => r.row);
}

export function subtitle(spec: TopLevelSpec): string[] {
  const title = spec.title as { subtitle?: string | string[] } | undefined;
  const s = title?.subtitle ?? [];
  return Array.isArray(s) ? s : [s];
}

export function titleText(spec: TopLevelSpec): string {
  return String((spec.title as { text?: string } | undefined)?.text ?? '');
}

/** The x-axis scale type of the first layer that sets one. */
export function xScaleType(spec: TopLevelSpec): string | undefined {
  for (const { encoding } of rows(spec)) {
    const x = encoding.x as { scale?: { type?: string } } | undefined;
    if (x?.scale?.type) return x.scale.type;
  }
  return undefined;
}

/** Warnings Vega-Lite raises compiling the spec. */
export function compileWarnings(spec: TopLevelSpec): string[] {
  return toVega(spec).warnings;
}
