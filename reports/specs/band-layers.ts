/** The layers of a band chart: a P10–P90 band over a driver, its median line, and its end labels. */
import { BAND_OPACITY, COLORS } from '../theme.js';
import type { Band } from '../bands.js';
import type { Layer } from './layer.js';

/** How a band chart's x field reads in tooltips. */
export interface XField {
  field: string;
  format: string;
  title: string;
}

/**
 * The median line of a P10–P90 band over a driver, with a tooltip reading the driver and the
 * band's three percentiles (`valueFormat` is a d3 format, `valueTitle` what follows P10/P50/P90).
 */
export function medianLine(rows: readonly object[], x: XField, valueFormat: string, valueTitle = ''): Layer {
  const suffix = valueTitle ? ` ${valueTitle}` : '';
  return {
    data: { values: [...rows] },
    mark: { type: 'line', color: COLORS.simulated, strokeWidth: 2.5 },
    encoding: {
      x: { field: x.field, type: 'quantitative' },
      y: { field: 'p50', type: 'quantitative' },
      tooltip: [
        { field: x.field, type: 'quantitative', format: x.format, title: x.title },
        ...(['p10', 'p50', 'p90'] as const).map((field) => ({
          field,
          type: 'quantitative' as const,
          format: valueFormat,
          title: `${field.toUpperCase()}${suffix}`,
        })),
      ],
    },
  };
}

/** A band's P10, median and P90 as labelled values, for labels at the end of a band chart. */
export function bandEnds(b: Band, format: (x: number) => string): { value: number; label: string }[] {
  return [
    { value: b.p10, label: `P10 ${format(b.p10)}` },
    { value: b.p50, label: `median ${format(b.p50)}` },
    { value: b.p90, label: `P90 ${format(b.p90)}` },
  ];
}

/** The P10–P90 band of rows with fields p10 and p90 over `x`, filled in `color`. */
export function bandArea(rows: readonly object[], x: object, y: object, color: string = COLORS.simulated): Layer {
  return {
    data: { values: [...rows] },
    mark: { type: 'area', color, opacity: BAND_OPACITY },
    encoding: { x, y: { field: 'p10', type: 'quantitative', ...y }, y2: { field: 'p90' } },
  } as Layer;
}
