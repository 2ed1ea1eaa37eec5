// What a synthetic dataset folder's manifest names, for tests that look at the uploaded files themselves.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Each row's image_path resolved in `folder`, in row order (synthetic manifests quote nothing). */
export function uploadedImagesOf(folder: string): string[] {
  const [header, ...rows] = readFileSync(join(folder, "manifest.csv"), "utf8")
    .trim()
    .split("\n")
    .map((line) => line.split(","));
  const column = header!.indexOf("image_path");
  return rows.map((cells) => join(folder, cells[column]!));
}
