// A job producer as the API has one (enqueue only), for tests that drive real worker processes.
import PgBoss from "pg-boss";
import { createQueues, queueConnection, transactionalEnqueue, type Enqueue, type EnqueueOptions } from "@fracval/core";

export interface Producer {
  enqueue: Enqueue;
  boss: PgBoss;
  stop(): Promise<void>;
}

export async function startProducer(databaseUrl: string, options: EnqueueOptions = {}): Promise<Producer> {
  const boss = new PgBoss({ ...queueConnection(databaseUrl), supervise: false, schedule: false });
  boss.on("error", () => {});
  await boss.start();
  await createQueues(boss);
  return { boss, enqueue: transactionalEnqueue(boss, options), stop: () => boss.stop({ graceful: true, wait: true }) };
}
