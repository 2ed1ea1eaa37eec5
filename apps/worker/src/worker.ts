// A worker: consumes every queue of tasks/ on the platform's PostgreSQL. Any number of worker processes
// on any number of hosts run side by side; pg-boss hands each job to one of them, and its maintenance
// hands the job of a worker that died to another once the job expires.
import PgBoss from "pg-boss";
import {
  createQueues,
  errorClass,
  inTransaction,
  JOBS_CHANNEL,
  messageOf,
  queueConnection,
  transactionalEnqueue,
  type ContentStore,
  type EnqueueOptions,
} from "@fracval/core";
import { listenToChannel, type Db } from "@fracval/db";
import type { IngestPool } from "./ingest/prepare-image.js";
import type { ModelCache } from "./scoring/model-cache.js";
import { TASKS } from "./tasks/index.js";
import type { AnyTask, Attempt, JobOf, TaskContext } from "./tasks/task.js";

export interface WorkerOptions extends EnqueueOptions {
  databaseUrl: string;
  db: Db;
  store: ContentStore;
  models: ModelCache;
  /** Ingestion's image threads (default none: a series' slices one after another). */
  ingestPool?: () => IngestPool | null;
  uploadsDir: string;
  pseudonymSecret: string;
  /** How often pg-boss looks for expired jobs (a worker that died mid-job); default 30 s. */
  maintenanceSeconds?: number;
  /** The queues this worker consumes (default: all). */
  tasks?: readonly AnyTask[];
  log?: (line: string) => void;
  logError?: (line: string) => void;
}

export interface RunningWorker {
  boss: PgBoss;
  /**
   * Stops taking jobs; a job in progress finishes, or (ingestion) stops at its next checkpoint and is
   * handed back to the queue — awaited, so that the next worker finds it at once.
   */
  stop(): Promise<void>;
}

/** What pg-boss stores as a failed job's output (and the dead-letter queue keeps): never an error's own text. */
class JobFailure extends Error {
  override name = "JobFailure";
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? ((line) => console.log(`[worker] ${line}`));
  const logError = options.logError ?? ((line) => console.error(`[worker] ${line}`));
  const boss = new PgBoss({
    ...queueConnection(options.databaseUrl),
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30,
    schedule: false,
  });
  boss.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "57P01") logError(`queue error: ${errorClass(error)} ${messageOf(error)}`); // 57P01: server shutting down
  });
  await boss.start();
  await createQueues(boss);
  const enqueue = transactionalEnqueue(boss, options);
  const stopping = new AbortController();
  const context: TaskContext = {
    db: options.db,
    store: options.store,
    models: options.models,
    ingestPool: options.ingestPool ?? (() => null),
    uploadsDir: options.uploadsDir,
    pseudonymSecret: options.pseudonymSecret,
    enqueue,
    signal: stopping.signal,
    log,
  };

  /** Completes the job and enqueues a fresh one (retries intact: a stop says nothing about the job) in one transaction. */
  async function handBack(task: AnyTask, job: JobOf): Promise<void> {
    await options.db.$transaction(async (tx) => {
      await boss.complete(task.queue, job.id, { handedBack: true }, { db: inTransaction(tx) });
      await enqueue(tx, task.queue, job.data as object);
    });
  }

  async function runJob(task: AnyTask, job: JobOf): Promise<void> {
    const attempt: Attempt = {
      number: job.retryCount + 1,
      of: job.retryLimit + 1,
      last: job.retryCount >= job.retryLimit,
    };
    const parsed = task.payload.safeParse(job.data);
    if (!parsed.success)
      throw new JobFailure(
        `${task.queue}: malformed payload (${parsed.error.issues.map((i) => i.path.join(".")).join(", ")})`,
      );
    const subject = task.subject(parsed.data);
    try {
      await task.run(parsed.data, context, attempt);
    } catch (error) {
      if (stopping.signal.aborted) {
        await handBack(task, job);
        log(`${subject} interrupted by shutdown and handed back to the queue`);
        return;
      }
      const description = task.describeError ? task.describeError(error) : messageOf(error);
      logError(
        `${subject} failed (attempt ${attempt.number} of ${attempt.of}${attempt.last ? "" : ", will be retried"}): ${description}`,
      );
      if (attempt.last) await task.giveUp?.(parsed.data, context, error, attempt);
      throw new JobFailure(`${subject} failed: ${description}`);
    }
  }

  const workerIds = new Map<string, string>();
  for (const task of options.tasks ?? TASKS) {
    let workerId: string | undefined;
    workerId = await boss.work(
      task.queue,
      { batchSize: 1, pollingIntervalSeconds: task.pollingIntervalSeconds, includeMetadata: true },
      async ([job]) => {
        try {
          await runJob(task, job!);
        } finally {
          // pg-boss waits out the rest of the polling interval after every fetch unless notified: with jobs
          // waiting that capped a queue at one job per interval (scoring at 32 patients per 0.5 s). Having
          // just done one, fetch the next at once; an empty queue is polled at the interval as before.
          if (workerId && !stopping.signal.aborted) boss.notifyWorker(workerId);
        }
      },
    );
    workerIds.set(task.queue, workerId);
  }
  // A job enqueued anywhere wakes this worker's poller of its queue at once (JOBS_CHANNEL): a phase starts
  // when the one before commits, not at the next poll. Without the connection, polling alone, as before.
  const wakeUps = await listenToChannel(
    options.databaseUrl,
    JOBS_CHANNEL,
    {
      onNotification: (queue) => {
        const workerId = workerIds.get(queue);
        if (workerId && !stopping.signal.aborted) boss.notifyWorker(workerId);
      },
    },
    { retryMs: 5000, onError: (error) => logError(`job wake-up listener: ${errorClass(error)}; reconnecting`) },
  );
  return {
    boss,
    async stop() {
      stopping.abort("the worker is stopping");
      await wakeUps.close();
      await boss.stop({ graceful: true, wait: true, timeout: 60_000 });
    },
  };
}
