// Enqueueing a pg-boss job inside the Prisma transaction of the data it concerns: the job exists if
// and only if the transaction commits (a dataset's VALIDATING claim and its ingestion job; a run and its
// batch jobs; a run's status flip and its metrics job).
import type PgBoss from "pg-boss";
import { DEFAULT_TIMEOUTS, type Prisma } from "@fracval/db";

/**
 * pg-boss queues, each consumed by the workers (apps/worker/src/tasks/<queue>.ts); the API only enqueues.
 */
export const QUEUES = { datasetIngest: "dataset__ingest", runScore: "run__score", runMetrics: "run__metrics" } as const;

/**
 * Where a job goes once its retries are spent: the reason (its last error) stays with it, and admins see
 * the count in /readyz. Nothing consumes it; an operator reads it and re-enqueues or deletes by hand.
 */
export const DEAD_LETTER_QUEUE = "dead_letter";
/**
 * Every enqueue also NOTIFYs this channel with the queue's name (delivered when its transaction commits): the
 * workers listen and fetch at once instead of at their next poll (apps/worker/src/worker.ts).
 */
export const JOBS_CHANNEL = "fracval_jobs";

/** pg-boss's `db` option bound to a Prisma transaction: its SQL runs inside that transaction. */
export function inTransaction(tx: Prisma.TransactionClient): {
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
} {
  return {
    executeSql: async (text: string, values: unknown[]) => ({
      rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values),
    }),
  };
}

/**
 * pg-boss's own connection pool, with the same time limits as the Prisma clients (DEFAULT_TIMEOUTS): a
 * database that hangs makes the queue's calls fail and retry, instead of hanging the process.
 */
export function queueConnection(databaseUrl: string): {
  connectionString: string;
  connectionTimeoutMillis: number;
  query_timeout: number;
} {
  return {
    connectionString: databaseUrl,
    connectionTimeoutMillis: DEFAULT_TIMEOUTS.connectMs,
    query_timeout: DEFAULT_TIMEOUTS.queryMs,
  };
}

/** Enqueues a job inside the given transaction (pg-boss's `send` with `db` = the transaction). */
export type Enqueue = (tx: Prisma.TransactionClient, queue: string, payload: object) => Promise<void>;

export interface EnqueueOptions {
  /**
   * How long a scoring or metrics job may stay active before pg-boss treats it as lost (a worker killed
   * mid-job) and hands it to another worker. Default FRACVAL_JOB_EXPIRE_SECONDS, else 300: those jobs
   * take seconds, so minutes is ample.
   */
  expireInSeconds?: number;
  /**
   * The same for one slice of an ingestion (at most FRACVAL_INGEST_SLICE_SECONDS of work, then a checkpoint
   * and the next slice as a new job): default FRACVAL_INGEST_EXPIRE_SECONDS, else 60, so that a dead
   * worker's ingestion is taken over within about a minute and a half (expiry + maintenance interval).
   */
  ingestExpireInSeconds?: number;
  /**
   * Base of the exponential back-off between attempts: pg-boss waits about delay × 2^attempt (jittered)
   * seconds. Default FRACVAL_JOB_RETRY_DELAY_SECONDS, else 4: the four retries then span one to two
   * minutes, so that a database or storage outage of that length does not use them all up.
   */
  retryDelaySeconds?: number;
}

/** Attempts after the first. */
export const JOB_RETRY_LIMIT = 4;

/** Failed jobs are retried JOB_RETRY_LIMIT times with exponential back-off, then go to the dead-letter queue. */
export function transactionalEnqueue(boss: PgBoss, options: EnqueueOptions = {}): Enqueue {
  const expireInSeconds = options.expireInSeconds ?? Number(process.env.FRACVAL_JOB_EXPIRE_SECONDS ?? 300);
  const ingestExpireInSeconds =
    options.ingestExpireInSeconds ?? Number(process.env.FRACVAL_INGEST_EXPIRE_SECONDS ?? 60);
  const retryDelay = options.retryDelaySeconds ?? Number(process.env.FRACVAL_JOB_RETRY_DELAY_SECONDS ?? 4);
  return async (tx: Prisma.TransactionClient, queue: string, payload: object) => {
    const id = await boss.send(queue, payload, {
      retryLimit: JOB_RETRY_LIMIT,
      retryDelay,
      retryBackoff: true,
      expireInSeconds: queue === QUEUES.datasetIngest ? ingestExpireInSeconds : expireInSeconds,
      deadLetter: DEAD_LETTER_QUEUE,
      db: inTransaction(tx),
    });
    if (!id) throw new Error(`queue ${queue} refused the job`);
    await tx.$executeRaw`SELECT pg_notify(${JOBS_CHANNEL}, ${queue})`;
  };
}

/**
 * Runs `fn`, retrying when PostgreSQL reports a deadlock (40P01): two processes creating pg-boss queues at
 * the same moment on a fresh database deadlock on its ALTER TABLE, and the loser only has to try again.
 */
export async function retryOnDeadlock<T>(
  fn: () => Promise<T>,
  options: { attempts?: number; delayMs?: number } = {},
): Promise<T> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if ((error as { code?: string }).code !== "40P01" || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, (options.delayMs ?? 200) * attempt));
    }
  }
}

/** Creates every queue of QUEUES (idempotent). `npm start` does it once before any service starts; each
 * service does it again on start-up, deadlock-safe, for deployments that start them side by side. */
export async function createQueues(boss: PgBoss): Promise<void> {
  await retryOnDeadlock(() => boss.createQueue(DEAD_LETTER_QUEUE));
  for (const queue of Object.values(QUEUES)) {
    await retryOnDeadlock(() => boss.createQueue(queue, { name: queue, deadLetter: DEAD_LETTER_QUEUE }));
    // createQueue leaves an existing queue as it is: a database from before the dead-letter queue gets it here.
    await retryOnDeadlock(() => boss.updateQueue(queue, { name: queue, deadLetter: DEAD_LETTER_QUEUE }));
  }
}

/** Jobs waiting in the dead-letter queue (retries spent), for /readyz and the admins. */
export function deadLetterCount(boss: PgBoss): Promise<number> {
  return boss.getQueueSize(DEAD_LETTER_QUEUE);
}

/**
 * pg-boss completes and fails jobs without awaiting the call (its worker loop): with the database away,
 * that call rejects with nobody to catch it. Such a rejection is not a crash: the job stays active and is
 * handed out again when it expires. Anything else unhandled still ends the process.
 */
export function isQueueBookkeepingFailure(reason: unknown): boolean {
  const stack = (reason as { stack?: string } | null)?.stack ?? "";
  return /[\\/]pg-boss[\\/]src[\\/]/.test(stack);
}
