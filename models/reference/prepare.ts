// Writes one shard of a family's development cohort as training arrays for train.py:
// <out>/<input>.<shard>.f32 (float32, patient-major), clinical.<shard>.f32 and outcomes.<shard>.json.
// Usage: node --import tsx models/reference/prepare.ts <family> <out> <shard> <shards>
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { analysisTimeDays } from "@fracval/upload-format";
import { cohortTensors } from "./cohort-tensors.js";
import { findFamily } from "./families.js";

const [family, out, shardArg, shardsArg] = process.argv.slice(2);
if (!family || !out || shardArg === undefined || !shardsArg) {
  console.error("usage: prepare.ts <family> <out> <shard> <shards>");
  process.exit(2);
}
const spec = findFamily(family);
const shard = Number(shardArg);
const shards = Number(shardsArg);
const n = spec.development.n;
const from = Math.floor((shard * n) / shards);
const to = Math.floor(((shard + 1) * n) / shards);
mkdirSync(out, { recursive: true });

const files = new Map<string, number>();
const write = (name: string, values: Float32Array) => {
  if (!files.has(name)) files.set(name, openSync(join(out, `${name}.${shard}.f32`), "w"));
  writeSync(files.get(name)!, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
};
const outcomes: Record<string, number>[] = [];
const started = Date.now();
for (const { patient, tensors, clinical } of cohortTensors(spec, spec.development, { from, to })) {
  for (const [name, values] of Object.entries(tensors)) write(name, values);
  write("clinical", clinical);
  outcomes.push({
    time: analysisTimeDays(patient),
    event: patient.event ? 1 : 0,
    prevalent: patient.prevalentDeformities.length > 0 ? 1 : 0,
    fraxMof: patient.fraxMof,
  });
  if (outcomes.length % 100 === 0)
    console.log(
      `[prepare ${family} ${shard}/${shards}] ${outcomes.length}/${to - from} patients, ${((Date.now() - started) / outcomes.length).toFixed(0)} ms each`,
    );
}
for (const fd of files.values()) closeSync(fd);
writeFileSync(join(out, `outcomes.${shard}.json`), JSON.stringify(outcomes));
