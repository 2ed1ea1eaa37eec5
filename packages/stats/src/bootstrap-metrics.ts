// Metrics the bootstrap can run by name (functions cannot cross into worker threads).
import { harrellC, unoC } from "./concordance.js";
import { aurocAtHorizon } from "./auroc.js";

export type MetricName = "harrellC" | "unoC" | "aurocAtHorizon";

export interface SurvivalColumns {
  time: Float64Array;
  event: Uint8Array;
  score: Float64Array;
  /** tau for unoC, horizon for aurocAtHorizon. */
  at?: number;
}

export function metricStatistic(metric: MetricName, data: SurvivalColumns): (indices: Uint32Array) => number {
  const time = new Float64Array(data.time.length);
  const event = new Uint8Array(data.time.length);
  const score = new Float64Array(data.time.length);
  const take = (indices: Uint32Array) => {
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k]!;
      time[k] = data.time[i]!;
      event[k] = data.event[i]!;
      score[k] = data.score[i]!;
    }
  };
  return (indices) => {
    take(indices);
    if (metric === "harrellC") return harrellC(time, event, score).estimate;
    if (metric === "unoC") return unoC(time, event, score, data.at!).estimate;
    return aurocAtHorizon(time, event, score, data.at!).estimate;
  };
}
