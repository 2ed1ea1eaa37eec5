// Worker threads do not inherit the parent's TypeScript loader on Node 20: register tsx, then load
// the worker body. (Sources run as TypeScript throughout the repository; there is no build step.)
import { register } from "tsx/esm/api";

register();
await import("./bootstrap-worker.ts");
