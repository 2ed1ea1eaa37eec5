// `npm run bench:stats`: Harrell's C (+SE) and AUROC (+DeLong CI) at n = 1e4, 1e5, 1e6, timed here and,
// when Rscript is installed, by R's survival::concordance and pROC on the same data in the same run;
// figures are printed as ratios (R time / our time). Also 1,000 bootstrap replicates of Harrell's C
// at n = 10,000, on one thread and on worker threads.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  aurocAtHorizon,
  bootstrap,
  bootstrapParallel,
  harrellC,
  metricStatistic,
  mulberry32,
  timeDependentAuc,
} from "../src/index.js";

const HORIZON = 1826;

function cohort(n: number, seed: number) {
  const random = mulberry32(seed);
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const eventTime = -Math.log(1 - random()) / (0.0002 * Math.exp(0.7 * s));
    const censorTime = 365 + random() * 3650;
    time[i] = Math.max(1, Math.round(Math.min(eventTime, censorTime))); // whole days: realistic ties
    event[i] = eventTime <= censorTime ? 1 : 0;
    score[i] = Math.round(s * 1000) / 1000;
  }
  return { time, event, score };
}

function timeIt<T>(fn: () => T, repeats: number): { seconds: number; value: T } {
  let best = Number.POSITIVE_INFINITY;
  let value!: T;
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    value = fn();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return { seconds: best, value };
}

const hasR = spawnSync("Rscript", ["--version"]).status === 0;
const rScript = fileURLToPath(new URL("./reference-timing.R", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "fracval-bench-"));

function timeInR(data: ReturnType<typeof cohort>) {
  const n = data.time.length;
  const file = join(dir, `data-${n}.bin`);
  const buffer = new Float64Array(3 * n);
  buffer.set(data.time, 0);
  buffer.set(Float64Array.from(data.event), n);
  buffer.set(data.score, 2 * n);
  writeFileSync(file, Buffer.from(buffer.buffer));
  const result = spawnSync("Rscript", [rScript, file, String(n), String(HORIZON)], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as {
    concordance: number;
    harrellC: number;
    harrellSe: number;
    auroc: number;
    aurocEstimate: number;
    timeAuc: number | null;
    timeAucEstimate: number | null;
  };
}

const fmt = (s: number) => `${s < 1 ? `${(s * 1000).toFixed(1)} ms` : `${s.toFixed(2)} s`}`;
console.log(
  `FracVal statistics benchmark (node ${process.version}${hasR ? ", R reference in the same run" : ", Rscript not found: no ratios"})\n`,
);
console.log(
  "n        | Harrell C+SE | R concordance | R/ours | AUROC+DeLong | R pROC  | R/ours | AUC(t)+SE | R Score  | R/ours | |ΔC| vs R",
);
for (const n of [1e4, 1e5, 1e6]) {
  const data = cohort(n, 20261123);
  const repeats = n >= 1e6 ? 2 : 5;
  const c = timeIt(() => harrellC(data.time, data.event, data.score), repeats);
  const a = timeIt(() => aurocAtHorizon(data.time, data.event, data.score, HORIZON), repeats);
  const td = timeIt(() => timeDependentAuc(data.time, data.event, data.score, HORIZON), repeats);
  let row = `${String(n).padEnd(8)} | ${fmt(c.seconds).padStart(12)} |`;
  if (hasR) {
    const r = timeInR(data);
    const tdR =
      r.timeAuc === null
        ? `${"(skipped)".padStart(8)} |     -`
        : `${fmt(r.timeAuc).padStart(8)} | ${(r.timeAuc / td.seconds).toFixed(1).padStart(5)}×`;
    row += ` ${fmt(r.concordance).padStart(13)} | ${(r.concordance / c.seconds).toFixed(1).padStart(5)}× | ${fmt(a.seconds).padStart(12)} | ${fmt(r.auroc).padStart(7)} | ${(r.auroc / a.seconds).toFixed(1).padStart(5)}× | ${fmt(td.seconds).padStart(9)} | ${tdR} | ${Math.abs(r.harrellC - c.value.estimate).toExponential(1)}`;
  } else {
    row += ` ${"-".padStart(13)} |     - | ${fmt(a.seconds).padStart(12)} |       - |     - | ${fmt(td.seconds).padStart(9)} |        - |     - | -`;
  }
  console.log(row);
}

// End to end at 1e6 rows: process start → JSON written, the CLI (compiled bundle, as bin/fracval.js runs
// it) against Rscript reading the same CSV and running survival::concordance.
{
  const n = 1_000_000;
  const d = cohort(n, 20261124);
  const csv = join(dir, "metrics-1e6.csv");
  const lines: string[] = ["time,event,score"];
  for (let i = 0; i < n; i++) lines.push(`${d.time[i]},${d.event[i]},${d.score[i]}`);
  writeFileSync(csv, `${lines.join("\n")}\n`);
  const bin = fileURLToPath(new URL("../../../apps/api/bin/fracval.js", import.meta.url));
  const wall = (cmd: string, args: string[]) => {
    const start = performance.now();
    const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
    return { seconds: (performance.now() - start) / 1000, stdout: r.stdout };
  };
  const ours = [0, 1].map(() =>
    wall(process.execPath, [
      bin,
      "stats",
      "metrics",
      "--input",
      csv,
      "--time",
      "time",
      "--event",
      "event",
      "--score",
      "score",
    ]),
  );
  const best = Math.min(...ours.map((o) => o.seconds));
  const c = JSON.parse(ours[0]!.stdout).harrellC.estimate as number;
  let line = `\nCLI end to end at 1e6 rows (fracval stats metrics, process start → JSON written): ${fmt(best)}`;
  if (hasR) {
    const rCode = `d <- read.csv("${csv}"); suppressMessages(library(survival)); f <- concordance(Surv(time, event) ~ score, data = d, reverse = TRUE); cat(f$concordance)`;
    const r = [0, 1].map(() => wall("Rscript", ["-e", rCode]));
    const rBest = Math.min(...r.map((x) => x.seconds));
    line += `; Rscript read.csv + concordance ${fmt(rBest)}; ours/R = ${(best / rBest).toFixed(2)} (target ≤ 0.50); |ΔC| ${Math.abs(Number(r[0]!.stdout) - c).toExponential(1)}`;
  }
  console.log(line);
}

const data = cohort(10_000, 7);
const statistic = metricStatistic("harrellC", { ...data });
const serial = timeIt(() => bootstrap(10_000, statistic, { replicates: 1000, seed: 42 }), 1);
const start = performance.now();
const parallel = await bootstrapParallel("harrellC", { ...data }, { replicates: 1000, seed: 42 });
const parallelSeconds = (performance.now() - start) / 1000;
console.log(`\nBootstrap, 1,000 replicates of Harrell's C at n = 10,000 (target < 10 s):`);
console.log(
  `  one thread ${fmt(serial.seconds)}, worker threads ${fmt(parallelSeconds)}; 95% CI [${serial.value.ci.lower.toFixed(4)}, ${serial.value.ci.upper.toFixed(4)}], identical across threads: ${serial.value.ci.lower === parallel.ci.lower && serial.value.ci.upper === parallel.ci.upper}`,
);
console.log(
  `\nTargets: Harrell's C+SE at 1e6 ≥ 5× faster than survival::concordance; AUROC+DeLong at 1e6 ≥ 2× faster than pROC.`,
);
console.log(`(R's Score() is timed up to n = 1e5 only: at 1e6 it takes minutes.)`);
