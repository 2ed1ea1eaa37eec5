// The portal's page cache over real HTTP: a stand-in for Next.js renders, a
// stand-in for the API's /page-cache-key answers; what is served again, to whom, and what never is.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createPageCache, type PageCache } from "../src/index.js";
import { keepPageOutOfCache, noteApiAnswer, noteRenderError } from "../src/render.js";

/** What /page-cache-key answers per session token (absent: 401). */
const sessions = new Map<string, { principal: string; issuedAt: number }>();
let epoch: string | null = "boot.1";
/** How the next renders behave. */
let behaviour: {
  audited?: boolean;
  status?: number;
  error?: boolean;
  underWay?: boolean;
  noApi?: boolean;
  /** This path's render ends 5 ms after its first part, not 1 ms. */
  slowEnd?: string;
  /** The render waits for this after it started (renderStarted resolves). */
  gate?: Promise<void>;
} = {};
let renderStarted: () => void = () => {};
const keyHeaders = { "x-fracval-portal": "proof" };
const sessionCookies = ["__Secure-authjs.session-token", "authjs.session-token"];
let renders = 0;
let keyServer: Server;
let portal: Served;
let cache: PageCache;

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );

interface Served {
  server: Server;
  url: string;
  /** Resolves once every request the server received has been handled (the page kept or not). */
  settled: () => Promise<unknown>;
}

/**
 * A page cache served over HTTP. The cache keeps a page after the response finished, and a client can read the
 * whole response before that: a test's next request must not race the keeping of the previous one (`get`).
 */
async function serve(pageCache: PageCache): Promise<Served> {
  const handling = new Set<Promise<void>>();
  const server = createServer((req, res) => {
    const handled = pageCache.handle(req, res).finally(() => handling.delete(handled));
    handling.add(handled);
  });
  return { server, url: await listen(server), settled: () => Promise.all([...handling]) };
}

async function render(req: IncomingMessage, res: ServerResponse) {
  renders++;
  renderStarted();
  await behaviour.gate;
  await new Promise((r) => setTimeout(r, 5)); // an API call
  if (!behaviour.noApi) noteApiAnswer(Boolean(behaviour.audited));
  if (behaviour.error) noteRenderError();
  if (behaviour.underWay) keepPageOutOfCache("work under way");
  res.statusCode = behaviour.status ?? 200;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("set-cookie", "authjs.session-token=renewed; Path=/; HttpOnly");
  res.setHeader("vary", "rsc");
  res.write(`<html><body>render ${renders} of ${req.url}`);
  await new Promise((r) => setTimeout(r, req.url === behaviour.slowEnd ? 5 : 1)); // streamed in parts
  res.end("</body></html>");
}

beforeAll(async () => {
  keyServer = createServer((req, res) => {
    if (req.headers["x-fracval-portal"] !== "proof") return void res.writeHead(403).end();
    const token = req.headers.authorization?.replace(/^Bearer /, "") ?? "";
    const session = sessions.get(token);
    if (!session) return void res.writeHead(401).end();
    if (epoch === null) return void res.writeHead(204).end();
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ ...session, epoch }));
  });
  const keyUrl = `${await listen(keyServer)}/page-cache-key`;
  cache = createPageCache({
    keyUrl,
    keyHeaders,
    maxBytes: 1024 * 1024,
    sessionCookies,
    sessionRefreshSeconds: 300,
    render,
  });
  portal = await serve(cache);
});

afterAll(async () => {
  for (const server of [portal.server, keyServer]) {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

beforeEach(() => {
  const now = Math.floor(Date.now() / 1000);
  sessions.clear();
  sessions.set("pi", { principal: "p".repeat(64), issuedAt: now });
  sessions.set("pi-other-tab", { principal: "p".repeat(64), issuedAt: now });
  sessions.set("investigator", { principal: "i".repeat(64), issuedAt: now });
  sessions.set("stale", { principal: "p".repeat(64), issuedAt: now - 301 });
  epoch = `boot.${Math.random()}`; // every test starts from an empty cache
  behaviour = {};
});

/** A page as a browser gets it, once the cache has handled the request (`via`: the portal unless given). */
async function get(path: string, token: string | null, headers: Record<string, string> = {}, via = portal) {
  const response = await fetch(`${via.url}${path}`, {
    headers: { ...(token ? { cookie: `other=1; authjs.session-token=${token}` } : {}), ...headers },
  });
  const body = await response.text();
  await via.settled(); // kept (or not) before the next request: the order of use is the order of the requests
  return {
    status: response.status,
    body,
    cache: response.headers.get("x-page-cache"),
    setCookie: response.headers.get("set-cookie"),
    vary: response.headers.get("vary"),
  };
}

describe("the page cache", () => {
  it("serves a dashboard page again, byte for byte, without the session cookie it renewed", async () => {
    const first = await get("/studies/s1?metric=harrellC", "pi");
    expect(first).toMatchObject({ status: 200, cache: "miss" });
    expect(first.setCookie).toContain("renewed");
    const before = renders;
    const second = await get("/studies/s1?metric=harrellC", "pi-other-tab");
    expect(renders).toBe(before);
    expect(second).toMatchObject({ status: 200, cache: "hit", body: first.body, setCookie: null, vary: "rsc" });
    expect(cache.stats().hits).toBeGreaterThan(0);
  });

  it("renders again for another principal, another URL or another epoch", async () => {
    const pi = await get("/runs/r1", "pi");
    expect((await get("/runs/r1", "investigator")).body).not.toBe(pi.body);
    expect((await get("/runs/r2", "pi")).cache).toBe("miss");
    expect((await get("/runs/r1", "pi")).cache).toBe("hit");
    epoch = `${epoch}.moved`;
    const after = await get("/runs/r1", "pi");
    expect(after.cache).toBe("miss");
    expect(after.body).not.toBe(pi.body);
    expect(cache.stats().kept).toBe(1); // the pages of the earlier epoch are gone
  });

  it("never keeps a render that was audited, failed, showed work under way or read nothing", async () => {
    for (const b of [{ audited: true }, { error: true }, { underWay: true }, { noApi: true }, { status: 404 }]) {
      behaviour = b;
      await get("/studies/s2", "pi");
      const again = await get("/studies/s2", "pi");
      expect(again.cache, JSON.stringify(b)).toBe("miss");
    }
    expect(cache.stats().kept).toBe(0);
  });

  it("does not keep a render during which another render was audited", async () => {
    let release: () => void = () => {};
    behaviour.gate = new Promise((r) => {
      release = r;
    });
    const started = new Promise<void>((r) => {
      renderStarted = r;
    });
    const slow = get("/studies/slow", "pi");
    await started;
    noteApiAnswer(true); // an audited answer outside this page's scope, while its render runs
    behaviour = {};
    release();
    await slow;
    expect((await get("/studies/slow", "pi")).cache).toBe("miss");
    expect((await get("/studies/slow", "pi")).cache).toBe("hit");
  });

  it("passes through other pages, router and action requests, stale or no sessions", async () => {
    const cases: [string, string | null, Record<string, string>][] = [
      ["/datasets", "pi", {}],
      ["/studies", "pi", {}],
      ["/studies/s3", "pi", { rsc: "1" }],
      ["/studies/s3", "pi", { "next-router-prefetch": "1" }],
      ["/studies/s3", "stale", {}], // the proxy must renew this session's cookie: rendered
      ["/studies/s3", "unknown-token", {}],
      ["/studies/s3", null, {}],
    ];
    for (const [path, token, headers] of cases) {
      await get(path, token, headers);
      const again = await get(path, token, headers);
      expect(again.cache, `${path} ${token} ${JSON.stringify(headers)}`).toBeNull();
    }
    epoch = null; // the API cannot see changes now
    await get("/studies/s4", "pi");
    expect((await get("/studies/s4", "pi")).cache).toBeNull();
  });

  it("keeps apart clients that accept different encodings", async () => {
    await get("/studies/s5", "pi", { "accept-encoding": "gzip, deflate" });
    expect((await get("/studies/s5", "pi", { "accept-encoding": "identity" })).cache).toBe("miss");
    expect((await get("/studies/s5", "pi", { "accept-encoding": "deflate" })).cache).toBe("miss");
    expect((await get("/studies/s5", "pi", { "accept-encoding": "GZIP,deflate" })).cache).toBe("hit");
  });

  it("drops the least recently used pages beyond its size", async () => {
    const small = createPageCache({
      keyUrl: `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}/page-cache-key`,
      keyHeaders,
      maxBytes: 100, // two pages of ~45 bytes
      sessionCookies,
      sessionRefreshSeconds: 300,
      render,
    });
    behaviour = { slowEnd: "/runs/b" }; // b kept after a's second use when requests are not settled in turn
    const served = await serve(small);
    const hit = async (path: string) => (await get(path, "pi", {}, served)).cache;
    for (const path of ["/runs/a", "/runs/b", "/runs/a", "/runs/c"]) await hit(path);
    expect(await hit("/runs/a")).toBe("hit"); // used recently
    expect(await hit("/runs/b")).toBe("miss"); // the oldest, dropped for c
    expect(small.stats().bytes).toBeLessThanOrEqual(100);
    served.server.closeAllConnections();
    await new Promise((r) => served.server.close(r));
  });
});
