// Enqueueing a pg-boss job inside the Prisma transaction of the data it concerns: the job exists if
// and only if the transaction commits (a run and its batch jobs; a run's status flip and its metrics job).
import type PgBoss from "pg-boss";
import type { Prisma } from "@fracval/db";
import type { Enqueue } from "./runs-create.js";

/**
 * `expireInSeconds`: how long a job may stay active before pg-boss treats it as lost (a worker killed
 * mid-job) and hands it to another worker (default FRACVAL_JOB_EXPIRE_SECONDS, else 300: jobs take
 * seconds, so minutes is ample). Failed jobs are retried 3 times with exponential backoff.
 */
export function transactionalEnqueue(boss: PgBoss, options: { expireInSeconds?: number } = {}): Enqueue {
  const expireInSeconds = options.expireInSeconds ?? Number(process.env.FRACVAL_JOB_EXPIRE_SECONDS ?? 300);
  return async (tx: Prisma.TransactionClient, queue: string, payload: object) => {
    const id = await boss.send(queue, payload, {
      retryLimit: 3,
      retryBackoff: true,
      expireInSeconds,
      db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }) },
    });
    if (!id) throw new Error(`queue ${queue} refused the job`);
  };
}
