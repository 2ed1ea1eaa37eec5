// One patient's images → the model's input tensors: decode the chosen DICOM files and run the card's
// pipeline. The same function runs inline and on the worker threads of a PreprocessPool, so that both give
// the same tensors; what makes a patient's images unusable is a reason (the patient fails alone), anything
// else is thrown.
import { decodeDicom, DegenerateImageError, type DecodedDicom } from "@fracval/imaging";
import { PipelineInputError, type Pipeline, type PipelineOutput } from "./pipelines.js";

export type PreprocessResult = { tensors: PipelineOutput; images: number } | { reason: string };

export interface PreprocessInput {
  /** The DICOM files the pipeline reads (pipeline.imagesRead), in series order. */
  blobs: Uint8Array[];
  /** Each blob's place in its series (0-based), to name a slice that does not decode; null for one image. */
  positions: number[] | null;
  landmarks: Record<string, [number, number]> | null;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function preprocessImages(pipeline: Pipeline, input: PreprocessInput): Promise<PreprocessResult> {
  const decoded: DecodedDicom[] = [];
  for (const [k, blob] of input.blobs.entries()) {
    try {
      decoded.push(await decodeDicom(blob));
    } catch (error) {
      // Bytes that do not decode are this patient's problem, whatever the decoder threw.
      return { reason: `image: ${input.positions ? `slice ${input.positions[k]! + 1}: ` : ""}${messageOf(error)}` };
    }
  }
  try {
    return { tensors: pipeline.run({ images: decoded, landmarks: input.landmarks }), images: decoded.length };
  } catch (error) {
    if (error instanceof PipelineInputError || error instanceof DegenerateImageError)
      return { reason: `image: ${error.message}` };
    throw error;
  }
}
