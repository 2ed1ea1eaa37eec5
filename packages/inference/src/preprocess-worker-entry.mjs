// Worker threads do not inherit the parent's TypeScript loader on Node 20: register tsx, then load the
// thread's body (sources run as TypeScript throughout the repository; there is no build step).
import { register } from "tsx/esm/api";

register();
const { default: preprocessTask } = await import("./preprocess-worker.ts");
export default preprocessTask;
/** ThreadPool.warmUp: runs once the entry above has loaded. */
export const warmUp = () => true;
