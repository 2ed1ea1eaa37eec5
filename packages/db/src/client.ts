// Prisma client over node-postgres (driver adapter; no native query engine).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.js";

export type Db = PrismaClient;

/**
 * Time limits of a process's database connections. A database that hangs (not down: unresponsive) must
 * make requests fail within seconds, not hang them; a runaway statement is stopped by the server.
 */
export interface DatabaseTimeouts {
  /** Opening a connection (a paused server accepts TCP but never greets). */
  connectMs: number;
  /** Waiting for any one query's answer, on the client side; the connection is then discarded. */
  queryMs: number;
  /** The server's statement_timeout for this process's sessions. */
  statementMs: number;
  /** The server ends a session idle inside a transaction this long (a client that died mid-transaction). */
  idleInTransactionMs: number;
}

/** Request paths: everything a request does is short. The workers pass longer limits (their commits). */
export const DEFAULT_TIMEOUTS: DatabaseTimeouts = {
  connectMs: Number(process.env.FRACVAL_DB_CONNECT_TIMEOUT_MS ?? 5_000),
  queryMs: Number(process.env.FRACVAL_DB_QUERY_TIMEOUT_MS ?? 30_000),
  statementMs: Number(process.env.FRACVAL_DB_STATEMENT_TIMEOUT_MS ?? 30_000),
  idleInTransactionMs: 60_000,
};

export function createPrismaClient(databaseUrl: string, timeouts: Partial<DatabaseTimeouts> = {}): PrismaClient {
  const t = { ...DEFAULT_TIMEOUTS, ...timeouts };
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString: databaseUrl,
      connectionTimeoutMillis: t.connectMs,
      query_timeout: t.queryMs,
      statement_timeout: t.statementMs,
      idle_in_transaction_session_timeout: t.idleInTransactionMs,
      keepAlive: true,
    }),
  });
}
