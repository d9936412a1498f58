// The engine's time split in one thread over mission's chunks, each stage as the engine runs it:
// drawing (alea and every input's quantile in the kernel, with the decile marks), the model
// (JavaScript), counting (every output's moments and the distinct outputs' bins, kernel) and the
// tornado's decile fold (kernel), in ns per sample. Needs the build (it imports dist/).

/** A run of 2^21 samples in this thread, then its last counting pass's stages, the fastest of 12 rounds. */
export async function stageSplit() {
  const { loadScenario } = await import('../dist/src/scenario/resolve.js');
  const { compileInputs } = await import('../dist/src/scenario/compile.js');
  const { outputRelations } = await import('../dist/src/scenario/output-relations.js');
  const { loadKernel } = await import('../dist/src/simulate/kernel-file.js');
  const { KernelChunks } = await import('../dist/src/simulate/kernel-chunks.js');
  const { inThreadRunner, PassWorker } = await import('../dist/src/simulate/pass-worker.js');
  const { runStatistics } = await import('../dist/src/simulate/run-statistics.js');
  const { OutputsCounter } = await import('../dist/src/kernel/counter.js');
  const { KernelDeciles } = await import('../dist/src/kernel/deciles.js');
  const { percentilePlans, REPORTED_PERCENTILES, CONFIDENCE } = await import('../dist/src/stats/percentiles.js');
  const { CHUNK_SIZE } = await import('../dist/src/sampling/uniforms.js');
  const { OUTPUT_KEYS } = await import('../dist/src/model/outputs.js');
  const { TORNADO_OUTPUTS } = await import('../dist/src/stats/tornado.js');
  const scenario = loadScenario('mission').resolved;
  const distributions = compileInputs(scenario);
  const relations = outputRelations(distributions, scenario.stepCost);
  const kernel = loadKernel();
  const chunks = new KernelChunks(kernel, { distributions, stepCost: scenario.stepCost, uniforms: null, aleaSeed: 'bench' });
  // A whole run's statistics in this thread (as a small run makes them), keeping its last counting pass's plan.
  const samples = 1 << 21;
  const runner = inThreadRunner(new PassWorker(kernel, chunks));
  let pass;
  const count = runner.count;
  runner.count = (request) => count((pass = request));
  const cpu = process.cpuUsage();
  await runStatistics(runner, { samples, relations, plans: (n) => percentilePlans(n, REPORTED_PERCENTILES, CONFIDENCE), memoryBytes: 256 << 20 });
  const used = process.cpuUsage(cpu);
  // Then that pass's stages one by one, as PassWorker.count runs them (pass-worker.ts), with its sub-bins.
  const counter = new OutputsCounter(kernel, chunks.outputColumns, { binned: pass.binned, tallied: pass.tallied, plans: pass.plans });
  const deciles = new KernelDeciles(kernel, chunks.uncertain, TORNADO_OUTPUTS.length, CHUNK_SIZE);
  const tornadoColumns = TORNADO_OUTPUTS.map((key) => chunks.outputColumns[OUTPUT_KEYS.indexOf(key)]);
  chunks.onUniforms = (input, address, length) => deciles.mark(input, address, length);
  const chunksPerRound = 40;
  const rounds = 12;
  const best = { draw: Infinity, model: Infinity, count: Infinity, tornado: Infinity };
  let k = 0;
  for (let round = 0; round < rounds; round++) {
    const t = { draw: 0, model: 0, count: 0, tornado: 0 };
    for (let c = 0; c < chunksPerRound; c++, k++) {
      const t0 = performance.now();
      const length = chunks.draw(k % (samples / CHUNK_SIZE), samples);
      const t1 = performance.now();
      chunks.evaluate(length);
      const t2 = performance.now();
      counter.add(length);
      const t3 = performance.now();
      deciles.add(tornadoColumns, length);
      const t4 = performance.now();
      t.draw += t1 - t0;
      t.model += t2 - t1;
      t.count += t3 - t2;
      t.tornado += t4 - t3;
    }
    for (const key of Object.keys(best)) best[key] = Math.min(best[key], t[key]);
  }
  const ns = (ms) => (ms * 1e6) / (chunksPerRound * CHUNK_SIZE);
  const split = Object.fromEntries(Object.entries(best).map(([key, ms]) => [key, ns(ms)]));
  return {
    samples: rounds * chunksPerRound * CHUNK_SIZE,
    nsPerSample: { ...split, total: split.draw + split.model + split.count + split.tornado },
    wholeRunCpuNsPerSample: ((used.user + used.system) * 1e3) / samples,
    distinctOutputs: relations.filter((r, j) => r.of === j).length,
    note: `one thread, mission: a run of 2^21 samples in this thread (CPU time per sample, tables and pilots included), then its last counting pass's stages, the fastest of ${rounds} rounds of ${chunksPerRound} chunks each; draw includes the decile marks, count the pilot's sub-bins`,
  };
}
