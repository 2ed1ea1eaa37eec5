// Process supervision for `npm start`: each service runs in its own process group so that stopping
// FracVal stops every child (next start spawns next-server; killing only its PID would orphan it).
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export interface Service {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface Running {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

const COLORS = ["\x1b[36m", "\x1b[35m", "\x1b[33m", "\x1b[32m", "\x1b[34m"];

export function startService(service: Service, index: number): Running {
  const child = spawn(service.command, service.args, {
    cwd: service.cwd,
    env: service.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tag = `${COLORS[index % COLORS.length]}[${service.name}]\x1b[0m `;
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on("line", (line) => process.stdout.write(`${tag + line}\n`));
  }
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { name: service.name, child, exited };
}

/** Restart delay after the n-th consecutive crash: 1 s, 2 s, 4 s, … at most 30 s. */
export const restartDelayMs = (crashes: number) => Math.min(30_000, 1000 * 2 ** Math.max(0, crashes - 1));
/** A service that stayed up this long has recovered: its next crash counts from one again. */
const STABLE_AFTER_MS = 60_000;

/**
 * Keeps a service running like a process manager: when it exits on its own (a crash, a kill), it is started
 * again after a back-off, and the others are left alone. `slots[index]` always holds the current process,
 * so stopping the platform stops whatever runs now; `isStopping()` ends the supervision.
 */
export function supervise(
  service: Service,
  index: number,
  slots: Running[],
  isStopping: () => boolean,
  log: (message: string) => void,
): void {
  let crashes = 0;
  const launch = () => {
    const started = Date.now();
    const running = startService(service, index);
    slots[index] = running;
    log(`${service.name} started (pid ${running.child.pid})`);
    void running.exited.then((code) => {
      if (isStopping()) return;
      crashes = Date.now() - started > STABLE_AFTER_MS ? 1 : crashes + 1;
      const delay = restartDelayMs(crashes);
      log(
        `${service.name} exited (${code ?? "killed by a signal"}); restarting in ${delay / 1000} s (restart ${crashes})`,
      );
      setTimeout(() => {
        if (!isStopping()) launch();
      }, delay).unref();
    });
  };
  launch();
}

function signalGroup(running: Running, signal: NodeJS.Signals): void {
  if (running.child.pid === undefined || running.child.exitCode !== null) return;
  try {
    process.kill(-running.child.pid, signal);
  } catch {
    /* group already gone */
  }
}

/** SIGTERM every group, wait up to `graceMs`, then SIGKILL what is left. */
export async function stopAll(services: Running[], graceMs = 10_000): Promise<void> {
  for (const s of services) signalGroup(s, "SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), graceMs).unref());
  const all = Promise.all(services.map((s) => s.exited));
  if ((await Promise.race([all, timeout])) === "timeout") {
    for (const s of services) signalGroup(s, "SIGKILL");
    await all;
  }
}

export async function waitForHttp(
  url: string,
  timeoutMs: number,
  isReady = (status: number) => status < 500,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (isReady(res.status)) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})`);
}
