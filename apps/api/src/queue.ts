// The API's side of the job queue: it only enqueues, inside the transaction of the data the job
// concerns (pg-boss `send` with `db` bound to the Prisma transaction).
import PgBoss from "pg-boss";
import { QUEUES, transactionalEnqueue, type Enqueue } from "@fracval/core";

export interface JobProducer {
  enqueue: Enqueue;
  stop(): Promise<void>;
}

/**
 * `expireInSeconds`: how long a batch may stay active before pg-boss treats it as lost (a worker killed
 * mid-batch) and hands it to another worker; batches take seconds, so minutes is ample.
 */
export async function startJobProducer(databaseUrl: string, options: { expireInSeconds?: number } = {}): Promise<JobProducer> {
  const expireInSeconds = options.expireInSeconds ?? Number(process.env.FRACVAL_JOB_EXPIRE_SECONDS ?? 300);
  const boss = new PgBoss({ connectionString: databaseUrl, supervise: false, schedule: false });
  boss.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "57P01") console.error("[api] queue error:", error);
  });
  await boss.start();
  for (const queue of Object.values(QUEUES)) await boss.createQueue(queue);
  return {
    enqueue: transactionalEnqueue(boss, { expireInSeconds }),
    stop: () => boss.stop({ graceful: true, wait: true }),
  };
}
