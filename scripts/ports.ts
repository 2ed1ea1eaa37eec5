// `npm start` checks its ports before it starts anything. Without this, a port taken by another program (a
// second Next.js app on 3000 is common) made the portal crash and restart in a loop while the readiness
// check talked to the other program: a 60-second timeout, or "ready" URLs that led somewhere else.
import { createServer } from "node:net";

export interface WantedPort {
  /** The variable's value, when it is set. */
  given: string | undefined;
  /** The port when it is not. */
  fallback: number;
  /** What would listen there ("the portal"). */
  service: string;
  /** The variable that moves it ("PORTAL_PORT"). */
  variable: string;
}

/** Whether a server could listen on `port` on every address, as the API and the portal do. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      error.code === "EADDRINUSE" || error.code === "EACCES" ? resolve(false) : reject(error),
    );
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * The ports, in the order wanted, when every one is a whole number in 1…65535, none is wanted twice and all
 * are free; else throws one message naming each problem with the variable that moves the port.
 */
export async function checkPorts(wanted: readonly WantedPort[]): Promise<number[]> {
  const problems: string[] = [];
  const seen = new Map<number, WantedPort>();
  const ports: number[] = [];
  for (const w of wanted) {
    const port = w.given === undefined || w.given.trim() === "" ? w.fallback : Number(w.given);
    ports.push(port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      problems.push(`${w.variable}: "${w.given}" is not a port (a whole number from 1 to 65535)`);
      continue;
    }
    const other = seen.get(port);
    if (other) {
      problems.push(
        `${w.variable} and ${other.variable} are both ${port}: ${w.service} and ${other.service} need ports of their own`,
      );
      continue;
    }
    seen.set(port, w);
    if (!(await portIsFree(port)))
      problems.push(
        `port ${port}, for ${w.service}, is in use: stop the program that holds it, or start with ${w.variable}=<free port>`,
      );
  }
  if (problems.length) throw new Error(problems.join("\n"));
  return ports;
}
