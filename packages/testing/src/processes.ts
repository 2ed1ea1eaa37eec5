// What the benchmarks and fault tests read about running processes from Linux's /proc: a process's
// children (a PostgreSQL postmaster's backends, a CLI's helpers), its peak memory, and its CPU time.
import { readdirSync, readFileSync } from "node:fs";

/** The fields of /proc/PID/stat after the command name (which may contain spaces); null once it has exited. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** The direct children of a process (processes that exit meanwhile are left out). */
export function childPids(pid: number): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => Number(statFields(Number(d))?.[1]) === pid)
    .map(Number);
}

/** A process and all its descendants. */
export function processTree(pid: number): number[] {
  const all = [pid];
  for (let k = 0; k < all.length; k++) all.push(...childPids(all[k]!));
  return all;
}

/** Peak resident set (VmHWM) of a process and its descendants, the largest of them, in MB; 0 once gone. */
export function peakRssMb(pid: number): number {
  const hwm = (p: number) => {
    try {
      return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  };
  return Math.max(...processTree(pid).map(hwm));
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * CPU seconds (user + system, all threads) used so far by a process and its live descendants, plus the
 * children it has already reaped (a PostgreSQL backend that ended). Differences between two readings give
 * the CPU a phase cost.
 */
export function cpuSeconds(pid: number): number {
  let ticks = 0;
  for (const [k, p] of processTree(pid).entries()) {
    const f = statFields(p);
    if (!f) continue;
    // After the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
    ticks += Number(f[11]) + Number(f[12]) + (k === 0 ? Number(f[13]) + Number(f[14]) : 0);
  }
  return ticks / TICKS_PER_SECOND;
}
