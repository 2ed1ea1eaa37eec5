// What the portal needs to serve a page from its cache (@fracval/page-cache), and the mark it needs to
// never keep one: GET /page-cache-key answers, for the session a request carries, a digest of everything the
// access rules read about its user and the current data-change epoch; an answer that recorded an audit event
// carries `x-fracval-audited`. A page is a function of the data it reads and of who reads it: the same digest
// at the same epoch gets the same page.
import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import express from "express";
import { AppError, currentAuditScope, withAuditScope } from "@fracval/core";
import type { DataChangeFeed, Db } from "@fracval/db";
import { authenticateSessionToken, sessionTokenOf, type Context } from "./context.js";
import { accessSignature } from "./graphql/study-results-cache.js";
import { isProof, portalProof as proofOf } from "./portal-proof.js";

export const AUDITED_HEADER = "x-fracval-audited";
/** Only the portal's server asks: it proves it holds the shared AUTH_SECRET (browsers and partners do not). */
export const PORTAL_PROOF_HEADER = "x-fracval-portal";

/** The value of PORTAL_PROOF_HEADER: an HMAC of the endpoint's name under AUTH_SECRET. */
export function portalProof(authSecret: string): string {
  return proofOf(authSecret, "page-cache-key");
}

export interface PageCacheKey {
  /** sha256 of the user's access signature (user, role, per-site grants). */
  principal: string;
  /** The data-change epoch (listenForDataChanges). */
  epoch: string;
  /** When the session token was issued (seconds since 1970), for the portal's session-refresh rule. */
  issuedAt: number | null;
}

/**
 * 200 with a PageCacheKey; 204 when pages cannot be kept now (no epoch); 401 without a valid session; 403
 * without the portal's proof (the epoch says when anything changed anywhere: not for every signed-in user).
 */
export function pageCacheKeyRouter(options: { db: Db; authSecret: string; dataChanges?: DataChangeFeed }) {
  const router = express.Router();
  const proof = portalProof(options.authSecret);
  router.get("/", async (req, res, next) => {
    res.set("cache-control", "no-store");
    if (!isProof(req.headers[PORTAL_PROOF_HEADER], proof)) {
      res.status(403).end();
      return;
    }
    const token = sessionTokenOf(req.headers);
    if (!token) {
      res.status(401).end();
      return;
    }
    try {
      const epoch = options.dataChanges?.epoch() ?? null;
      const { viewer, issuedAt } = await authenticateSessionToken(options.db, token, options.authSecret);
      if (epoch === null) {
        res.status(204).end();
        return;
      }
      const principal = createHash("sha256").update(accessSignature(viewer)).digest("hex");
      res.json({ principal, epoch, issuedAt } satisfies PageCacheKey);
    } catch (error) {
      if (error instanceof AppError) res.status(401).end();
      else next(error);
    }
  });
  return router;
}

/** Express: runs the rest of a GraphQL request in an audit scope (after the body is read: see withAuditScope). */
export const auditScopeMiddleware: express.RequestHandler = (_req, _res, next) =>
  withAuditScope({ recorded: 0 }, () => next());

/** Apollo: marks an answer whose resolvers recorded an audit event. */
export function auditedAnswerHeader(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (currentAuditScope()?.recorded) response.http.headers.set(AUDITED_HEADER, "1");
        },
      };
    },
  };
}
