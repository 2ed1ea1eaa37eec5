// The API's side of the job queue: it only enqueues, inside the transaction of the data a job concerns
// (pg-boss `send` bound to the Prisma transaction). The workers consume every queue (apps/worker).
import PgBoss from "pg-boss";
import {
  createQueues,
  deadLetterCount,
  errorClass,
  queueConnection,
  transactionalEnqueue,
  type Enqueue,
  type EnqueueOptions,
} from "@fracval/core";

export interface JobQueue {
  enqueue: Enqueue;
  /** Jobs whose retries are spent (for /readyz). */
  deadLetters(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts pg-boss on the platform database as a producer: no workers, no maintenance, no schedules. */
export async function startJobQueue(databaseUrl: string, options: EnqueueOptions = {}): Promise<JobQueue> {
  const boss = new PgBoss({ ...queueConnection(databaseUrl), supervise: false, schedule: false });
  boss.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "57P01") console.error(`[api] queue error: ${errorClass(error)}`);
  });
  await boss.start();
  await createQueues(boss);
  return {
    enqueue: transactionalEnqueue(boss, options),
    deadLetters: () => deadLetterCount(boss),
    stop: () => boss.stop({ graceful: true, wait: true }),
  };
}
