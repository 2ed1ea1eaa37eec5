// Abdominal CT renderer: axial slices (1 mm pixels, 5 mm apart) covering T12–L4. Vertebral body with
// cortical ring and trabecular HU tied to bone fragility, posterior elements, discs; psoas and erector
// spinae whose area and attenuation (myosteatosis) carry muscle quality; subcutaneous and visceral fat,
// bowel with air, contrast-enhanced aorta and IVC. Values are Hounsfield units.
import type { SyntheticPatient } from "./cohort.js";
import { ValueNoise } from "./noise.js";
import type { Random } from "./random.js";

export const CT_LEVELS = ["T12", "L1", "L2", "L3", "L4"] as const;
export const CT_MATRIX = 288;
export const CT_SLICE_MM = 5;

export interface CtSeries {
  /** One Int16Array of HU per slice, cranial to caudal. */
  slices: Int16Array[];
  /** Table position (mm) of each slice. */
  positions: number[];
  rows: number;
  columns: number;
  /** Level whose body (or the disc below it) each slice cuts. */
  levels: string[];
  /** Vertebral body centre in the axial plane, pixels (column, row). */
  bodyCentre: [number, number];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const inEllipse = (x: number, y: number, cx: number, cy: number, a: number, b: number) =>
  ((x - cx) / a) ** 2 + ((y - cy) / b) ** 2 <= 1;

export function renderAbdominalCt(patient: SyntheticPatient, random: Random): CtSeries {
  const n = CT_MATRIX;
  const F = patient.truth.fragility;
  const M = patient.truth.muscleQuality;
  const fat = clamp((patient.bmi - 24) / 4, -1.5, 3);
  const scale = patient.female ? 0.94 : 1.03;
  // Body and spine geometry in pixels (1 mm each); row 0 is anterior.
  const cx = n / 2 + random.normal(0, 3);
  const bodyA = clamp(128 + 12 * fat, 95, 143) * scale; // left-right half-axis
  const bodyB = clamp(100 + 10 * fat, 75, 140) * scale; // antero-posterior half-axis
  const bodyCy = n / 2 - 10;
  const spineCy = bodyCy + bodyB * 0.5;
  const subcutaneous = clamp(12 + 6 * fat, 5, 35);
  const trabecularHu = clamp(210 - 55 * F, 40, 380);
  const muscleScale = clamp(1 + 0.15 * M, 0.6, 1.4) * scale;
  const muscleHu = clamp(48 + 10 * M - 3 * fat, 5, 75);
  const texture = new ValueNoise(random, n, n, 2.5 + 0.6 * clamp(F, 0, 2));
  const marbling = new ValueNoise(random, n, n, 4);
  const visceralFat = new ValueNoise(random, n, n, 14);
  const gaussian = new Float32Array(8192);
  for (let i = 0; i < gaussian.length; i++) gaussian[i] = random.normal(0, 11);
  const bowel = Array.from({ length: 7 }, () => ({
    x: cx + random.normal(0, bodyA * 0.35),
    y: bodyCy - bodyB * (0.15 + 0.4 * random.next()),
    r: 10 + 12 * random.next(),
    air: random.next() < 0.5,
  }));

  // Cranio-caudal layout: bodies and discs, with height loss from prevalent deformities.
  const baseHeights = [25, 26, 27, 28, 28.5].map((h) => h * scale);
  const disc = 9 * scale;
  const segments: { level: string; kind: "body" | "disc"; from: number; to: number; wedge: number }[] = [];
  let z = 0;
  CT_LEVELS.forEach((level, k) => {
    const deformity = patient.prevalentDeformities.find((d) => d.level === level);
    const loss = deformity ? deformity.heightLoss * (deformity.shape === "wedge" ? 0.5 : 0.8) : 0;
    const h = baseHeights[k]! * (1 - loss) * (1 - 0.02 * clamp(F, 0, 3));
    segments.push({
      level,
      kind: "body",
      from: z,
      to: z + h,
      wedge: deformity?.shape === "wedge" ? deformity.heightLoss : 0,
    });
    z += h;
    if (k < CT_LEVELS.length - 1) {
      segments.push({ level, kind: "disc", from: z, to: z + disc, wedge: 0 });
      z += disc;
    }
  });
  const positions: number[] = [];
  for (let p = 2; p < z; p += CT_SLICE_MM) positions.push(p);

  const slices = positions.map((pos) => {
    const segment = segments.find((s) => pos >= s.from && pos < s.to) ?? segments[segments.length - 1]!;
    const k = CT_LEVELS.indexOf(segment.level as (typeof CT_LEVELS)[number]);
    const va = (17 + 1.6 * k) * scale; // vertebral body half-widths grow caudally
    const vb = (13.5 + 1.0 * k) * scale;
    const vcy = spineCy - vb * 0.3;
    const psoas = (4 + 3.2 * k) * muscleScale;
    const erector = 24 * muscleScale;
    // in the upper part of a wedged body the anterior portion is missing
    const fraction = (pos - segment.from) / (segment.to - segment.from);
    const anteriorCut = segment.wedge > 0 && fraction < 0.4 ? vcy - vb + 2 * vb * segment.wedge : -Infinity;
    const out = new Int16Array(n * n);
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        let hu = -1000;
        if (inEllipse(x, y, cx, bodyCy, bodyA, bodyB)) {
          hu = inEllipse(x, y, cx, bodyCy, bodyA - subcutaneous, bodyB - subcutaneous) ? 35 : -105; // viscera / subcutaneous fat
          if (hu === 35 && visceralFat.at(x, y) > 0.25 - 0.12 * fat) hu = -95; // visceral fat
          for (const b of bowel) if (inEllipse(x, y, b.x, b.y, b.r, b.r * 0.8)) hu = b.air && y - b.y < 0 ? -900 : 20;
          if (inEllipse(x, y, cx + 14 * scale, vcy - vb - 14, 11, 11)) hu = 185; // aorta
          if (inEllipse(x, y, cx - 20 * scale, vcy - vb - 10, 12, 9)) hu = 150; // IVC
          // psoas muscles, lateral to the vertebral body, larger caudally
          if (
            inEllipse(x, y, cx - va - psoas * 0.9, vcy, psoas, psoas * 0.85) ||
            inEllipse(x, y, cx + va + psoas * 0.9, vcy, psoas, psoas * 0.85)
          )
            hu = muscleHu + 8 * marbling.at(x, y);
          // erector spinae, posterior, bilateral
          if (
            inEllipse(x, y, cx - 24 * scale, spineCy + 30, erector * 0.85, erector * 0.55) ||
            inEllipse(x, y, cx + 24 * scale, spineCy + 30, erector * 0.85, erector * 0.55)
          )
            hu = muscleHu - 4 + 10 * marbling.at(x, y);
          // posterior elements: pedicles, lamina and spinous process
          if (
            segment.kind === "body" &&
            (inEllipse(x, y, cx - va * 0.6, vcy + vb + 7, 5, 9) ||
              inEllipse(x, y, cx + va * 0.6, vcy + vb + 7, 5, 9) ||
              inEllipse(x, y, cx, vcy + vb + 22, 4, 11))
          )
            hu = 520;
          if (inEllipse(x, y, cx, vcy, va, vb) && y >= anteriorCut) {
            if (segment.kind === "disc") hu = 85;
            else hu = inEllipse(x, y, cx, vcy, va - 1.6, vb - 1.6) ? trabecularHu + 45 * texture.at(x, y) : 720; // cortical ring
          }
        }
        out[y * n + x] = Math.round(hu + gaussian[(random.next() * 8192) | 0]!);
      }
    }
    return out;
  });
  const levels = positions.map((pos) => {
    const s = segments.find((g) => pos >= g.from && pos < g.to) ?? segments[segments.length - 1]!;
    return s.kind === "body" ? s.level : `${s.level}/disc`;
  });
  return { slices, positions, rows: n, columns: n, levels, bodyCentre: [cx, spineCy - (13.5 + 1.6) * scale * 0.3] };
}
