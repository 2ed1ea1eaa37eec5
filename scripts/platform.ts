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
  const child = spawn(service.command, service.args, { cwd: service.cwd, env: service.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const tag = `${COLORS[index % COLORS.length]}[${service.name}]\x1b[0m `;
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on("line", (line) => process.stdout.write(tag + line + "\n"));
  }
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { name: service.name, child, exited };
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

export async function waitForHttp(url: string, timeoutMs: number, isReady = (status: number) => status < 500): Promise<void> {
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
