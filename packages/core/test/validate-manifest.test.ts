// Streaming manifest validation: the bad-upload corpus, a clean synthetic manifest, and flat memory.
import { describe, expect, it } from "vitest";
import { createReadStream, readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { validateManifest, type ManifestRecord } from "../src/index.js";
import { findProfile, generateCohort, manifestHeader, manifestRow } from "@fracval/synth";
import { stringify } from "csv-stringify/sync";

const corpus = fileURLToPath(new URL("../../../test/fixtures/bad-uploads/", import.meta.url));
const expected = JSON.parse(readFileSync(`${corpus}expected.json`, "utf8")) as {
  cases: { file: string; row: number; column: string; reason: string }[];
};

describe("bad-upload corpus (manifest level)", () => {
  it("has at least 25 cases", () => expect(expected.cases.length).toBeGreaterThanOrEqual(25));

  it.each(expected.cases)("$file → row $row, column '$column': $reason", async ({ file, row, column, reason }) => {
    const accepted: ManifestRecord[] = [];
    const result = await validateManifest(createReadStream(corpus + file), {
      requireImages: true,
      onRow: (r) => void accepted.push(r),
    });
    expect(result.problems).toContainEqual(
      expect.objectContaining({ row, column, reason: expect.stringContaining(reason) }),
    );
    expect(result.problemCount).toBeGreaterThan(0);
    // the good first row may be accepted, the bad one never
    expect(accepted.every((r) => r.patient_id === "P001")).toBe(true);
  });
});

describe("a clean manifest", () => {
  it("accepts every row of a synthetic manifest, typed, ignoring truth and data_source columns", async () => {
    const patients = generateCohort(findProfile("Boramae"), { n: 200, seed: 2 });
    const csv = stringify(
      patients.map((p) => manifestRow(p, { path: `images/${p.hospitalId}` })),
      { header: true, columns: manifestHeader("none") },
    );
    const accepted: ManifestRecord[] = [];
    const result = await validateManifest(Readable.from([csv]), {
      requireImages: true,
      onRow: (r) => void accepted.push(r),
    });
    expect(result.problems).toEqual([]);
    expect(result.rows).toBe(200);
    expect(accepted).toHaveLength(200);
    expect(accepted[0]).toMatchObject({
      patient_id: patients[0]!.hospitalId,
      age: patients[0]!.age,
      sex: patients[0]!.female ? "F" : "M",
      incident_vertebral_fracture: patients[0]!.event,
    });
    expect(accepted[0]).not.toHaveProperty("truth_risk_5y");
  });

  it("requires declared provided-score columns and accepts them as numbers", async () => {
    const csv = "patient_id,age,sex,followup_days,incident_vertebral_fracture,event_days,GpVF\nP1,70,F,300,0,,0.42\n";
    const accepted: ManifestRecord[] = [];
    const ok = await validateManifest(Readable.from([csv]), {
      requireImages: false,
      providedScoreNames: ["GpVF"],
      onRow: (r) => void accepted.push(r),
    });
    expect(ok.problems).toEqual([]);
    expect(accepted[0]!.GpVF).toBe(0.42);
    const missing = await validateManifest(Readable.from([csv.replace(",GpVF", "").replace(",0.42", "")]), {
      requireImages: false,
      providedScoreNames: ["GpVF"],
    });
    expect(missing.problems).toContainEqual(
      expect.objectContaining({
        row: 0,
        column: "GpVF",
        reason: expect.stringContaining("declared score column is missing"),
      }),
    );
  });

  it("reads NA, as R's write.csv writes a missing value, as an empty cell: missing where optional, refused where required", async () => {
    const header =
      "patient_id,age,sex,followup_days,incident_vertebral_fracture,event_days,death_days,frax_mof_pct,fn_bmd";
    const csv = [
      header,
      "P1,70,F,900,0,NA,NA,NA,0.71", // no fracture, no death, FRAX not known: accepted
      "P2,81,M,1200,1,400,NA,12.5,NA", // fracture, BMD not known: accepted
      "P3,NA,F,500,0,NA,NA,8,0.6", // age is required
      "P4,66,F,700,1,NA,NA,9,0.6", // a fracture needs its day
    ].join("\n");
    const accepted: ManifestRecord[] = [];
    const result = await validateManifest(Readable.from([`${csv}\n`]), {
      requireImages: false,
      onRow: (r) => void accepted.push(r),
    });
    expect(result.problems).toEqual([
      { row: 3, column: "age", value: "NA", reason: "is required" },
      { row: 4, column: "event_days", value: "", reason: "is required when incident_vertebral_fracture = 1" },
    ]);
    expect(accepted.map((r) => r.patient_id)).toEqual(["P1", "P2"]);
    expect(accepted[0]).toMatchObject({ event_days: null, death_days: null, frax_mof_pct: null, fn_bmd: 0.71 });
    expect(accepted[1]).toMatchObject({ event_days: 400, frax_mof_pct: 12.5, fn_bmd: null });
  });

  it("reads logicals as R and pandas write them (TRUE/FALSE, True/False) in 0-or-1 columns", async () => {
    const header =
      "patient_id,age,sex,followup_days,incident_vertebral_fracture,event_days,glucocorticoids,current_smoking";
    const csv = [header, "P1,70,F,900,TRUE,400,FALSE,True", "P2,72,M,800,false,NA,true,0", "P3,74,F,700,yes,,1,0"];
    const accepted: ManifestRecord[] = [];
    const result = await validateManifest(Readable.from([`${csv.join("\n")}\n`]), {
      requireImages: false,
      onRow: (r) => void accepted.push(r),
    });
    expect(accepted.map((r) => [r.incident_vertebral_fracture, r.glucocorticoids, r.current_smoking])).toEqual([
      [true, false, true],
      [false, true, false],
    ]);
    expect(result.problems).toEqual([
      {
        row: 3,
        column: "incident_vertebral_fracture",
        value: "yes",
        reason: "must be 0 or 1 (TRUE or FALSE are read as 1 and 0)",
      },
    ]);
  });

  it("says what an unnamed first column is (R's row names) instead of calling it an unknown column", async () => {
    const csv =
      '"","patient_id","age","sex","followup_days","incident_vertebral_fracture","event_days"\n"1","P1",70,"F",300,0,NA\n';
    const result = await validateManifest(Readable.from([csv]), { requireImages: false });
    expect(result.problems).toEqual([
      {
        row: 0,
        column: "",
        value: "",
        reason:
          "has no name (R's write.csv puts its row names there: write it with row.names = FALSE, or delete the column)",
      },
    ]);
  });

  it("passes a failure of the row handler (e.g. the database) to the caller instead of calling the CSV invalid", async () => {
    const csv =
      "patient_id,age,sex,followup_days,incident_vertebral_fracture,event_days\nP1,70,F,300,0,\nP2,71,M,310,0,\n";
    const failing = validateManifest(Readable.from([csv]), {
      requireImages: false,
      onRow: (_r, row) => {
        if (row === 2) throw new Error("connection lost");
      },
    });
    await expect(failing).rejects.toThrow("connection lost");
  });
});

describe("streaming", () => {
  it("validates 100,000 rows with memory that does not grow with the row count", async () => {
    const header = "patient_id,age,sex,followup_days,incident_vertebral_fracture,event_days\n";
    async function* rows(n: number) {
      yield header;
      for (let i = 0; i < n; i += 1000) {
        let chunk = "";
        for (let k = i; k < i + 1000; k++)
          chunk += `P${k},${50 + (k % 40)},${k % 2 ? "F" : "M"},${100 + (k % 3000)},0,\n`;
        yield chunk;
      }
    }
    const heap = async (n: number) => {
      global.gc?.();
      let peak = 0;
      const result = await validateManifest(Readable.from(rows(n)), {
        requireImages: false,
        onRow: (_r, row) => {
          if (row % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
        },
      });
      expect(result.rows).toBe(n);
      return peak;
    };
    const small = await heap(20_000);
    const large = await heap(100_000);
    // Only the set of patient IDs grows (≈ 60 bytes per row); rows themselves are not kept.
    expect(large - small).toBeLessThan(40 * 1024 * 1024);
  }, 60_000);
});
