// `npm start`'s port check: a port another program holds, a port given twice and a malformed port are
// named with the variable that moves them, before anything starts.
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { checkPorts, portIsFree } from "../scripts/ports.js";

let holder: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (holder ? holder.close(() => resolve()) : resolve())));

/** A port some other program listens on (here: a plain TCP server on every address). */
async function takenPort(): Promise<number> {
  holder = createServer();
  await new Promise<void>((resolve) => holder!.listen(0, resolve));
  return (holder.address() as { port: number }).port;
}

/** A port nothing listens on: one the system gave out and took back. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("npm start's port check", () => {
  it("tells a free port from one another program listens on, even on the loopback address only", async () => {
    const taken = await takenPort();
    expect(await portIsFree(taken)).toBe(false);
    const loopbackOnly = createServer();
    await new Promise<void>((resolve) => loopbackOnly.listen(0, "127.0.0.1", resolve));
    const { port } = loopbackOnly.address() as { port: number };
    expect(await portIsFree(port)).toBe(false);
    await new Promise<void>((resolve) => loopbackOnly.close(() => resolve()));
    expect(await portIsFree(port)).toBe(true);
  });

  it("names the taken port, its service and the variable that moves it; passes free ports", async () => {
    const taken = await takenPort();
    const free = await freePort();
    await expect(
      checkPorts([
        { given: String(free), fallback: 4000, service: "the API", variable: "API_PORT" },
        { given: undefined, fallback: taken, service: "the portal", variable: "PORTAL_PORT" },
      ]),
    ).rejects.toThrow(
      `port ${taken}, for the portal, is in use: stop the program that holds it, or start with PORTAL_PORT=<free port>`,
    );
    const other = await freePort();
    await expect(
      checkPorts([
        { given: String(free), fallback: 4000, service: "the API", variable: "API_PORT" },
        { given: undefined, fallback: other, service: "the portal", variable: "PORTAL_PORT" },
      ]),
    ).resolves.toEqual([free, other]);
  });

  it("refuses a port given twice and one that is not a port, naming both variables", async () => {
    const free = await freePort();
    const error = await checkPorts([
      { given: String(free), fallback: 4000, service: "the API", variable: "API_PORT" },
      { given: ` ${free}`, fallback: 3000, service: "the portal", variable: "PORTAL_PORT" },
      { given: "30o0", fallback: 3000, service: "the portal", variable: "PORTAL_PORT" },
    ]).catch((e: Error) => e.message);
    expect(error).toContain(
      `PORTAL_PORT and API_PORT are both ${free}: the portal and the API need ports of their own`,
    );
    expect(error).toContain('PORTAL_PORT: "30o0" is not a port (a whole number from 1 to 65535)');
  });
});
