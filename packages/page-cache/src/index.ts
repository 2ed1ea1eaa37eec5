// The portal's page cache (apps/portal/server.ts puts it in front of Next.js): pages rendered once and served
// again while nothing they show can have changed. A dashboard page is a function of the data it reads and of
// who reads it, and the same PI opens the same overview many times between two releases: rendering it costs
// tens of milliseconds of Next.js, serving it again well under one.
//
// Kept only when it is safe by construction:
// - only GET document requests for the dashboard pages (PAGES), from a signed-in session the API accepts;
// - the key holds the URL, the encoding, a digest of everything the access rules read about the user, and
//   the data-change epoch (apps/api/src/page-cache-key.ts), read before the render starts: any committed
//   write to a table a page may show moves the epoch, and every kept page with it;
// - a render that recorded an audit event, met an error, or shows work under way is not kept (./render.ts);
// - a kept page is served only while the session token is younger than the session's update age, so the
//   proxy still renews the session cookie (set-cookie is never kept) as often as without the cache.
import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { alarmCount, renderPage, type PageRender } from "./render.js";

/** The dashboard pages: a study's overview and case-mix, a run. */
const PAGES = /^\/(studies\/[A-Za-z0-9_-]+(\/case-mix)?|runs\/[A-Za-z0-9_-]+)$/;
/** Never replayed: per-response (date, framing) or per-session (cookies). */
const NOT_KEPT_HEADERS = new Set(["set-cookie", "date", "connection", "keep-alive", "transfer-encoding"]);

export interface PageCacheOptions {
  /** The API's /page-cache-key URL. */
  keyUrl: string;
  /** Headers for that request besides the session (the portal's proof: apps/api/src/page-cache-key.ts). */
  keyHeaders?: Record<string, string>;
  /** Bytes of pages kept at most (least recently used dropped first). */
  maxBytes: number;
  /** The session cookie's names (the portal's lib/session.ts). */
  sessionCookies: readonly string[];
  /** A kept page is served only to a session token issued less than this long ago (next-auth's updateAge). */
  sessionRefreshSeconds: number;
  /** Renders a request (Next.js). */
  render: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

interface KeptPage {
  epoch: string;
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

export interface PageCacheStats {
  hits: number;
  misses: number;
  bypassed: number;
  kept: number;
  bytes: number;
}

export interface PageCache {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  stats(): PageCacheStats;
}

export function createPageCache(options: PageCacheOptions): PageCache {
  const pages = new Map<string, KeptPage>(); // insertion order = least recently used first
  let bytes = 0;
  let epochSeen: string | null = null;
  const counts = { hits: 0, misses: 0, bypassed: 0 };

  const drop = (key: string) => {
    const page = pages.get(key);
    if (!page) return;
    bytes -= page.body.length;
    pages.delete(key);
  };
  const keep = (key: string, page: KeptPage) => {
    // Pages of an earlier epoch can never be served again: gone as soon as a newer one is seen.
    if (page.epoch !== epochSeen || page.body.length > options.maxBytes) return;
    drop(key);
    pages.set(key, page);
    bytes += page.body.length;
    for (const oldest of pages.keys()) {
      if (bytes <= options.maxBytes) break;
      drop(oldest);
    }
  };

  const bypass = (req: IncomingMessage, res: ServerResponse) => {
    counts.bypassed++;
    return options.render(req, res);
  };

  return {
    stats: () => ({ ...counts, kept: pages.size, bytes }),
    async handle(req, res) {
      const url = req.url ?? "/";
      const path = url.split("?")[0]!;
      if (req.method !== "GET" || !PAGES.test(path) || isRouterRequest(req)) return bypass(req, res);
      const token = sessionToken(req.headers.cookie, options.sessionCookies);
      if (!token) return bypass(req, res);
      const key = await pageCacheKey(options.keyUrl, { ...options.keyHeaders, authorization: `Bearer ${token}` });
      const now = Date.now() / 1000;
      if (!key || key.issuedAt === null || now - key.issuedAt >= options.sessionRefreshSeconds) return bypass(req, res);
      if (key.epoch !== epochSeen) {
        epochSeen = key.epoch;
        for (const k of [...pages.keys()]) drop(k);
      }
      const cacheKey = createHash("sha256")
        .update(JSON.stringify([key.principal, key.epoch, url, encodingOf(req)]))
        .digest("hex");
      const page = pages.get(cacheKey);
      if (page) {
        counts.hits++;
        pages.delete(cacheKey); // most recently used last
        pages.set(cacheKey, page);
        res.writeHead(page.status, { ...page.headers, "x-page-cache": "hit" });
        res.end(page.body);
        return;
      }
      counts.misses++;
      res.setHeader("x-page-cache", "miss");
      const render: PageRender = { apiAnswers: 0, notKept: null };
      const alarmsBefore = alarmCount();
      const captured = capture(res);
      await renderPage(render, () => options.render(req, res));
      await captured.finished;
      const keepable =
        captured.ok() &&
        res.statusCode === 200 &&
        render.apiAnswers > 0 &&
        render.notKept === null &&
        alarmCount() === alarmsBefore &&
        /^text\/html/.test(String(res.getHeader("content-type") ?? ""));
      if (keepable)
        keep(cacheKey, { epoch: key.epoch, status: 200, headers: captured.headers(), body: captured.body() });
    },
  };
}

/** Client-side navigations and prefetches (React Server Component payloads) and server actions. */
function isRouterRequest(req: IncomingMessage): boolean {
  return Boolean(req.headers.rsc || req.headers["next-router-prefetch"] || req.headers["next-action"]);
}

/** The encodings a client accepts, as it says them: Next.js picks the response's encoding from this header. */
function encodingOf(req: IncomingMessage): string {
  return String(req.headers["accept-encoding"] ?? "")
    .toLowerCase()
    .replace(/\s+/g, "");
}

function sessionToken(cookieHeader: string | undefined, names: readonly string[]): string | null {
  for (const part of cookieHeader?.split(";") ?? []) {
    const [name, ...value] = part.trim().split("=");
    if (name && names.includes(name)) return value.join("=");
  }
  return null;
}

interface Key {
  principal: string;
  epoch: string;
  issuedAt: number | null;
}

async function pageCacheKey(keyUrl: string, headers: Record<string, string>): Promise<Key | null> {
  try {
    const response = await fetch(keyUrl, { headers });
    if (response.status !== 200) {
      await response.body?.cancel();
      return null;
    }
    return (await response.json()) as Key;
  } catch {
    return null; // the API unreachable: render as without the cache (the page will say what failed)
  }
}

/** Copies what a response sends (status, headers, body) while sending it. */
function capture(res: ServerResponse) {
  const chunks: Buffer[] = [];
  let writeHeadHeaders: OutgoingHttpHeaders = {};
  let failed = false;
  const toBuffer = (chunk: unknown, encoding?: unknown): Buffer | null =>
    Buffer.isBuffer(chunk)
      ? chunk
      : chunk instanceof Uint8Array
        ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
        : typeof chunk === "string"
          ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
          : null;
  const record = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer = toBuffer(chunk, encoding);
    if (buffer)
      chunks.push(Buffer.from(buffer)); // a copy: the writer may reuse its buffer
    else failed = true;
  };
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const writeHead = res.writeHead.bind(res);
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    record(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    record(chunk, rest[0]);
    return (end as (...a: unknown[]) => ServerResponse)(chunk, ...rest);
  }) as typeof res.end;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = rest.find((r) => typeof r === "object" && r !== null);
    if (Array.isArray(headers))
      failed = true; // raw header pairs: not worth replaying
    else if (headers) writeHeadHeaders = headers as OutgoingHttpHeaders;
    return (writeHead as (...a: unknown[]) => ServerResponse)(status, ...rest);
  }) as typeof res.writeHead;
  const finished = new Promise<void>((resolve) => {
    res.once("finish", () => resolve());
    res.once("close", () => {
      if (!res.writableFinished) failed = true;
      resolve();
    });
  });
  return {
    finished,
    ok: () => !failed,
    body: () => Buffer.concat(chunks),
    headers: () => {
      const headers: OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries({ ...res.getHeaders(), ...writeHeadHeaders })) {
        if (value !== undefined && !NOT_KEPT_HEADERS.has(name.toLowerCase()) && name !== "x-page-cache")
          headers[name] = value;
      }
      return headers;
    },
  };
}
