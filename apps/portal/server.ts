// The portal's HTTP server: Next.js behind the page cache (@fracval/page-cache). `npm start`, the benchmarks and
// the end-to-end tests start the portal with this file; `next dev` still works for development without it.
//   node --import tsx server.ts [-p PORT]      PORTAL_PAGE_CACHE_MB=0 turns the cache off
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import next from "next";
import { createPageCache } from "@fracval/page-cache";
import { CLIENT_ADDRESS_HEADER } from "./lib/client-address";
import { SESSION_COOKIES, SESSION_UPDATE_AGE_SECONDS } from "./lib/session";

async function main() {
  const portFlag = process.argv.indexOf("-p");
  const port = Number(portFlag >= 0 ? process.argv[portFlag + 1] : (process.env.PORT ?? 3000));
  // hostname and port as `next start` passes them: route handlers build their request URL from them (the PDF
  // reports load the page they print from that origin).
  const app = next({ dev: false, dir: __dirname, hostname: "localhost", port });
  await app.prepare();
  const render = app.getRequestHandler();
  const apiUrl = process.env.FRACVAL_API_URL ?? "http://localhost:4000/graphql";
  const megabytes = Number(process.env.PORTAL_PAGE_CACHE_MB ?? 64);
  const cache =
    megabytes > 0
      ? createPageCache({
          keyUrl: new URL("/page-cache-key", apiUrl).href,
          // The proof the API asks of the portal (apps/api/src/page-cache-key.ts: portalProof).
          keyHeaders: {
            "x-fracval-portal": createHmac("sha256", process.env.AUTH_SECRET ?? "")
              .update("page-cache-key")
              .digest("hex"),
          },
          maxBytes: megabytes * 1024 * 1024,
          sessionCookies: SESSION_COOKIES,
          sessionRefreshSeconds: SESSION_UPDATE_AGE_SECONDS,
          render: (req, res) => render(req, res),
        })
      : null;
  const server = createServer((req, res) => {
    // The visitor's address, for the API's per-address sign-in limit (apps/api/src/client-address.ts):
    // written here from the connection, so whatever a browser sent under this name is replaced.
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
    (cache ? cache.handle(req, res) : render(req, res)).catch((error: unknown) => {
      console.error(`[portal] ${error instanceof Error ? error.name : "error"} serving a request`);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  // As the API: idle keep-alive connections are closed by the client or the load balancer first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(port, () => console.log(`[portal] on http://localhost:${port}`));
  // As `next start`: a stop signal ends the process (a page being sent is cut off; the browser retries).
  process.on("SIGTERM", () => process.exit(0));
  process.on("SIGINT", () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
