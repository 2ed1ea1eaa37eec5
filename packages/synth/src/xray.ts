// Lateral lumbar spine radiograph renderer (anterior to the left). Vertebral bodies T11–L5 follow the
// patient's latent bone fragility (height, density, trabecular texture), prevalent deformities by
// Genant grade, endplate sclerosis with age, and a paraspinal muscle shadow; the device manufacturer
// sets matrix, pixel spacing, contrast and noise. Pixel values are 12-bit (MONOCHROME2: bone bright).
import { VERTEBRAE, type SyntheticPatient, type Vertebra } from "./cohort.js";
import { ValueNoise } from "./noise.js";
import type { Random } from "./random.js";

interface DevicePreset {
  match: RegExp;
  model: string;
  rows: number;
  columns: number;
  spacing: number;
  gain: number;
  offset: number;
  noise: number;
}

const PRESETS: DevicePreset[] = [
  { match: /siemens/i, model: "Ysio Max", rows: 960, columns: 600, spacing: 0.34, gain: 0.92, offset: 80, noise: 34 },
  {
    match: /philips/i,
    model: "DigitalDiagnost",
    rows: 1000,
    columns: 620,
    spacing: 0.33,
    gain: 1.05,
    offset: -40,
    noise: 30,
  },
  { match: /fuji/i, model: "FDR D-EVO", rows: 1024, columns: 600, spacing: 0.32, gain: 0.97, offset: 40, noise: 24 },
  { match: /samsung/i, model: "GC85A", rows: 980, columns: 620, spacing: 0.335, gain: 1.08, offset: 20, noise: 32 },
  { match: /./, model: "Discovery XR656", rows: 1024, columns: 640, spacing: 0.32, gain: 1.0, offset: 0, noise: 28 },
];

export function devicePreset(manufacturer: string): DevicePreset {
  return PRESETS.find((p) => p.match.test(manufacturer))!;
}

export interface Radiograph {
  pixels: Uint16Array;
  rows: number;
  columns: number;
  /** mm per pixel (row, column). */
  spacing: number;
  model: string;
  /** Vertebral body centres, pixels (column, row). */
  centres: Record<Vertebra, [number, number]>;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function renderLateralSpine(patient: SyntheticPatient, random: Random): Radiograph {
  const device = devicePreset(patient.manufacturer);
  const { rows, columns, spacing } = device;
  const mm = (v: number) => v / spacing;
  const image = new Float32Array(rows * columns);
  const fragility = patient.truth.fragility;
  const density = clamp(1 - 0.15 * fragility, 0.55, 1.35);
  const scale = (patient.female ? 0.95 : 1.03) * (1 + 0.03 * random.normal());

  // Soft tissue: body thickness across the columns, a gentle vertical gradient, air outside.
  const bodyCentre = columns * (0.5 + 0.03 * random.normal());
  const bodyHalfWidth = columns * clamp(0.42 + 0.012 * (patient.bmi - 24), 0.3, 0.6);
  for (let y = 0; y < rows; y++) {
    const vertical = 0.92 + 0.12 * (y / rows);
    for (let x = 0; x < columns; x++) {
      const d = (x - bodyCentre) / bodyHalfWidth;
      image[y * columns + x] = d * d < 1 ? 650 + 1050 * Math.sqrt(1 - d * d) * vertical : 140;
    }
  }

  // Spine centre line with lordosis; bodies and discs grow caudally.
  const heights = [26, 26.5, 27, 28, 28.5, 29, 29.5].map((h) => h * scale);
  const depths = [32, 34, 36, 38, 40, 42, 44].map((w) => w * scale);
  const discs = [8, 8.5, 9, 10, 10.5, 11].map((d) => d * scale);
  const lordosis = mm(6 + 3 * random.next());
  const spineX = columns * 0.56 + mm(4 * random.normal());
  let cursor = mm(40 + 6 * random.next());
  const total = mm(heights.reduce((s, h) => s + h, 0) + discs.reduce((s, d) => s + d, 0));
  const top = cursor;
  const spineXAt = (y: number) => spineX - lordosis * Math.sin((Math.PI * (y - top)) / total);
  const centres = {} as Record<Vertebra, [number, number]>;
  const texture = new ValueNoise(random, columns, rows, mm(2.2 + 0.8 * clamp(fragility, 0, 2)));
  const fine = new ValueNoise(random, columns, rows, mm(0.9));
  const sclerosis = mm(1.0 * (1 + clamp((patient.age - 50) / 30, 0, 1.5)));

  VERTEBRAE.forEach((level, k) => {
    const h = mm(heights[k]!) * (1 - 0.025 * clamp(fragility, 0, 3));
    const w = mm(depths[k]!);
    const cy = cursor + h / 2;
    const cx = spineXAt(cy);
    const angle = Math.atan2(spineXAt(cy + 1) - spineXAt(cy - 1), 2);
    centres[level] = [cx, cy];
    cursor += h + (k < discs.length ? mm(discs[k]!) : 0);
    const deformity = patient.prevalentDeformities.find((d) => d.level === level);
    let anterior = h * (1 - 0.02 * clamp(fragility, 0, 3));
    let middle = h;
    let posterior = h;
    if (deformity?.shape === "wedge") anterior = h * (1 - deformity.heightLoss);
    if (deformity?.shape === "biconcave") middle = h * (1 - deformity.heightLoss);
    if (deformity?.shape === "crush") {
      const keep = 1 - deformity.heightLoss;
      anterior *= keep;
      middle *= keep;
      posterior *= keep;
    }
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const reach = Math.ceil(Math.hypot(w, h) / 2) + 2;
    for (let y = Math.max(0, Math.floor(cy - reach)); y < Math.min(rows, cy + reach); y++) {
      for (let x = Math.max(0, Math.floor(cx - reach)); x < Math.min(columns, cx + reach + mm(32)); x++) {
        const dx = x - cx;
        const dy = y - cy;
        const u = dx * cos - dy * sin; // anterior (−) to posterior (+)
        const v = dx * sin + dy * cos; // cranial (−) to caudal (+)
        const t = u / w + 0.5;
        if (t >= 0 && t <= 1) {
          const edge = anterior + (posterior - anterior) * t;
          const dip = (h - middle) * (1 - (2 * t - 1) ** 2);
          const halfHeight = edge / 2 - dip / 2;
          if (Math.abs(v) <= halfHeight) {
            const border = Math.min(halfHeight - Math.abs(v), t * w, (1 - t) * w);
            const trabecular = 0.8 + 0.13 * texture.at(x, y) + 0.07 * fine.at(x, y);
            let bone = 880 * density * trabecular;
            if (border < mm(1.4)) bone += 260 * density; // cortical rim
            if (halfHeight - Math.abs(v) < sclerosis) bone += 220; // endplate sclerosis
            image[y * columns + x]! += bone;
            continue;
          }
        }
        // posterior elements: an ellipse behind the body
        const pu = (u - w * 0.5 - mm(14)) / mm(13);
        const pv = v / (h * 0.42);
        if (pu * pu + pv * pv < 1) image[y * columns + x]! += 330 * density * (0.85 + 0.15 * texture.at(x, y));
      }
    }
  });

  // Paraspinal muscle shadow behind the posterior elements, inside the body outline: its strength
  // carries muscle quality.
  const muscle = 170 + 80 * patient.truth.muscleQuality;
  const bodyRight = bodyCentre + bodyHalfWidth;
  for (let y = Math.max(0, Math.floor(top - mm(10))); y < Math.min(rows, cursor + mm(10)); y++) {
    const start = spineXAt(y) + mm(34);
    const width = Math.max(1, Math.min(mm(50), bodyRight - start - mm(4)));
    for (let x = Math.max(0, Math.floor(start)); x < Math.min(columns, start + width); x++) {
      image[y * columns + x]! += muscle * Math.sin((Math.PI * (x - start)) / width);
    }
  }

  // Quantum noise from a table of standard normal draws (one Box-Muller per pixel is the slow part).
  const table = new Float32Array(8192);
  for (let i = 0; i < table.length; i++) table[i] = random.normal();
  const pixels = new Uint16Array(rows * columns);
  for (let i = 0; i < image.length; i++) {
    const noisy = device.gain * image[i]! + device.offset + device.noise * table[(random.next() * 8192) | 0]!;
    pixels[i] = clamp(Math.round(noisy), 0, 4095);
  }
  return { pixels, rows, columns, spacing, model: device.model, centres };
}
