// The API's side of the job queue: it only enqueues, inside the transaction of the data the job
// concerns (pg-boss `send` with `db` bound to the Prisma transaction).
import PgBoss from "pg-boss";
import { QUEUES, transactionalEnqueue, type Enqueue } from "@fracval/core";

export interface JobProducer {
  enqueue: Enqueue;
  stop(): Promise<void>;
}

/** `expireInSeconds`: see transactionalEnqueue (tests shorten it to retry a killed worker's batch quickly). */
export async function startJobProducer(databaseUrl: string, options: { expireInSeconds?: number } = {}): Promise<JobProducer> {
  const boss = new PgBoss({ connectionString: databaseUrl, supervise: false, schedule: false });
  boss.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "57P01") console.error("[api] queue error:", error);
  });
  await boss.start();
  for (const queue of Object.values(QUEUES)) await boss.createQueue(queue);
  return {
    enqueue: transactionalEnqueue(boss, options),
    stop: () => boss.stop({ graceful: true, wait: true }),
  };
}
