// Upload sources from the local filesystem (the CLI): read as streams, never whole.
import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { relative, sep } from "node:path";
import type { UploadSource } from "./index.js";

/** The file at `absolutePath`, named by its place inside the dataset folder `root`. */
export function pathSource(root: string, absolutePath: string): UploadSource {
  return {
    path: relative(root, absolutePath).split(sep).join("/"),
    size: statSync(absolutePath).size,
    chunks: () => createReadStream(absolutePath),
    // A ReadStream with a path: tus-js-client re-opens it at the server's offset after a failure.
    body: () => createReadStream(absolutePath),
    // node:crypto, streamed: several times faster than hash-wasm in Node (the CLI's upload rate depends on it).
    async sha256() {
      const hash = createHash("sha256");
      for await (const chunk of createReadStream(absolutePath)) hash.update(chunk as Buffer);
      return hash.digest("hex");
    },
  };
}
