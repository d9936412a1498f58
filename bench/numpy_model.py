"""The user's alternative the engine is measured against: a plain vectorised numpy script
of the same model, on one core. `npm run bench` runs it when python3 has numpy; nothing else does.

    node bench/run.mjs --only numpy            # runs it at 1e6 and 1e7 beside `sora-mc run mission`
    python3 bench/numpy_model.py 1e7 < resolved-scenario.json

stdin: a resolved scenario (the `scenario` field of a Result); argv[1]: the sample count; argv[2]:
numpy's seed (default 2024).
stdout: JSON with each output's percentiles (type 7, numpy's default: the definition sora-mc uses),
mean, sd, min and max, the seconds spent after start-up (split: drawing, the model, the statistics),
and the process's peak RSS.

It does what a careful analyst's script would: every uncertain input drawn whole with numpy's own
generator (PCG64), fixed inputs kept as scalars, the model of src/model/compute.ts (docs/model.md, article step cost) over whole columns, then
np.percentile per output. It computes neither percentile intervals, nor histograms, nor the tornado:
sora-mc does all three in the time it is compared on.
"""
import json
import resource
import sys
import time

import numpy as np

PERCENTILES = [1, 5, 10, 25, 50, 75, 80, 90, 95, 99]


def draw(rng, spec, n):
    """One input's column, from its resolved spec (the families the built-in scenarios use)."""
    family = spec["dist"]
    if family == "fixed":
        return float(spec["value"])  # a scalar: numpy broadcasts it, as a careful script would
    if family == "lognormal" and "truncate" not in spec:
        return rng.lognormal(spec["mu"], spec["sigma"], n)
    if family == "uniform":
        return rng.uniform(spec["min"], spec["max"], n)
    if family == "discrete":
        return rng.choice(np.asarray(spec["values"], dtype=float), size=n, p=np.asarray(spec["weights"]))
    if family == "pert":
        low, mode, high, lam = spec["min"], spec["mode"], spec["max"], spec.get("lambda", 4)
        span = high - low
        a = 1 + lam * (mode - low) / span
        b = 1 + lam * (high - mode) / span
        return low + span * rng.beta(a, b, n)
    sys.exit(f"numpy_model.py: the family {family!r} is not written here (only fixed, lognormal, uniform, discrete, pert)")


def model(x):
    """src/model/compute.ts with stepCost 'article' (scalePass, then costPass), over whole columns."""
    multiplier = x["soraParams"] / x["ditParams"]
    compression = x["temporalCompression"]
    frames = x["videoSeconds"] * x["fps"] / compression + x["causalLatentFrames"] * (1 - 1 / compression)
    factor = frames * x["videoFraction"]
    train_flops = x["ditTrainFlops"] * x["flopsPerMac"] * multiplier * x["datasetMultiplier"] * factor
    step_flops = x["ditStepFlops"] * x["flopsPerMac"] * multiplier * frames * x["cfgPasses"]
    peak = x["gpuPeakFlops"]
    gpu_hours = train_flops / (peak * x["trainMfu"] * 3600)
    per_video = step_flops * x["samplingSteps"]
    per_minute = per_video * 60 / x["videoSeconds"]
    serving = np.where(x["inferPeakFlops"] > 0, x["inferPeakFlops"], peak) * x["inferMfu"] * x["servingGpuEfficiency"]
    minutes_per_gpu_hour = serving * 3600 / per_minute
    crossover = train_flops / per_minute
    ai_minutes = x["tiktokMinutesPerDay"] * x["tiktokAiShare"] + x["youtubeMinutesPerDay"] * x["youtubeAiShare"]
    generated = ai_minutes * x["candidatesPerVideo"]
    gpu_minutes_per_day = minutes_per_gpu_hour * 24
    peak_over_average = x["peakToAverage"] / x["servingUtilization"]
    average_fleet = generated / gpu_minutes_per_day
    dit_macs = x["ditTrainFlops"] * x["flopsPerMac"]
    image_flops = x["ditStepFlops"] * x["flopsPerMac"] * x["samplingSteps"] * x["cfgPasses"]
    return {
        "modelMultiplier": multiplier,
        "latentFrames": frames,
        "videoFactor": factor,
        "trainFlops": train_flops,
        "trainGpuHours": gpu_hours,
        "trainH100s": gpu_hours / (x["trainDays"] * 24),
        "trainCostUsd": gpu_hours * x["gpuHourPrice"],
        "stepFlops": step_flops,
        "videoFlops": per_video,
        "flopsPerVideoMinute": per_minute,
        "videoMinutesPerGpuHour": minutes_per_gpu_hour,
        "costPerVideoMinuteUsd": x["gpuHourPrice"] / minutes_per_gpu_hour,
        "crossoverMinutes": crossover,
        "aiMinutesPerDay": ai_minutes,
        "inferenceH100sAverage": average_fleet,
        "inferenceH100sPeak": average_fleet * peak_over_average,
        "crossoverDays": crossover / generated,
        "inferenceH100sPeakAllAi": (x["tiktokMinutesPerDay"] + x["youtubeMinutesPerDay"]) * x["candidatesPerVideo"] / gpu_minutes_per_day * peak_over_average,
        "ditImageFlops": image_flops,
        "ditTrainDaysOneH100": dit_macs / (peak * x["trainMfu"] * 86400),
        "ditCrossoverImages": dit_macs / image_flops,
    }


def main():
    n = int(float(sys.argv[1]))
    scenario = json.load(sys.stdin)
    if scenario.get("stepCost", "article") != "article" or scenario.get("correlations"):
        sys.exit("numpy_model.py: only the article step cost without correlations is written here")
    started = time.perf_counter()
    rng = np.random.default_rng(int(sys.argv[2]) if len(sys.argv) > 2 else 2024)
    inputs = {key: draw(rng, value["spec"], n) for key, value in scenario["inputs"].items()}
    drawn = time.perf_counter()
    outputs = model(inputs)
    modelled = time.perf_counter()
    outputs = {key: np.broadcast_to(column, (n,)) for key, column in outputs.items()}  # outputs of fixed inputs only
    summary = {
        key: {
            "percentiles": dict(zip(PERCENTILES, np.percentile(column, PERCENTILES).tolist())),
            "mean": float(column.mean()),
            "sd": float(column.std(ddof=1)),
            "min": float(column.min()),
            "max": float(column.max()),
        }
        for key, column in outputs.items()
    }
    finished = time.perf_counter()
    seconds = finished - started
    split = {"draw": drawn - started, "model": modelled - drawn, "statistics": finished - modelled}
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux
    json.dump({"samples": n, "seconds": seconds, "split": split, "peakRssKb": peak_kb, "numpy": np.__version__, "outputs": summary}, sys.stdout)


if __name__ == "__main__":
    main()
