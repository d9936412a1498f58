// The sampling kernels of sora-mc, compiled to WebAssembly by `npm run build` (AssemblyScript):
// drawing (alea uniforms, every family's inverse CDF), counting outputs into mergeable bins with
// their moments, and the tornado's decile fold. They hold no JavaScript objects and use no host API
// but the table's exact tail (draw.ts), so the same module runs in Node and in a browser.
export { reserve, mark, release } from './memory';
export { aleaFill, aleaFill2, quantiles } from './draw';
export { fdlibmLog, fdlibmExp } from './fdlibm';
export { logColumn, expColumn } from './fdlibm2';
export { newBins, usedPages } from './bins';
export { countMoments, countBins, countOutputs } from './count';
export { newTally, tallyColumn, tallyValues, tallyCounts } from './tally';
export { decileMark, addAt, finiteIndices, keepFinite, decileFold } from './tornado';
