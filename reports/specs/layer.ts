/** A layer of a chart spec: one mark, or several layered (plain Vega-Lite data). */
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec } from 'vega-lite/types_unstable/spec/layer.js';
import type { UnitSpec } from 'vega-lite/types_unstable/spec/unit.js';

export type Layer = UnitSpec<Field> | LayerSpec<Field>;
