// The data-change epoch: a value that moves whenever a committed transaction has written to a table a page
// may show (the notify_data_changed triggers, prisma/migrations/20261130200000_data_change_notify). A page
// rendered at one epoch may be served again while the epoch stands (@fracval/page-cache). PostgreSQL
// delivers a NOTIFY only after its transaction commits, so a render that saw old rows is never kept under an
// epoch that follows the change. While the listening connection is down there is no epoch (nothing is kept),
// and a reconnection moves it (changes may have been missed meanwhile).
import { randomUUID } from "node:crypto";
import pg from "pg";

export const DATA_CHANGED_CHANNEL = "fracval_data_changed";

export interface DataChangeFeed {
  /** The current epoch, or null while changes cannot be seen (not yet connected, or the connection lost). */
  epoch(): string | null;
  close(): Promise<void>;
}

export interface DataChangeFeedOptions {
  /** Wait before connecting again after the connection is lost (default 1 s). */
  retryMs?: number;
  /** Told when the connection is lost or cannot be made (the error's class only: the message may hold the URL). */
  onError?: (error: unknown) => void;
}

/** Listens on DATA_CHANGED_CHANNEL; resolves once the first connection succeeded or failed (it keeps trying). */
export async function listenForDataChanges(url: string, options: DataChangeFeedOptions = {}): Promise<DataChangeFeed> {
  const boot = randomUUID().slice(0, 8); // epochs of an earlier process never match this one's
  let changes = 0;
  const listener = await listenToChannel(
    url,
    DATA_CHANGED_CHANNEL,
    {
      onNotification: () => {
        changes++;
      },
      onListening: () => {
        changes++; // whatever changed while nobody listened
      },
    },
    options,
  );
  return {
    epoch: () => (listener.listening() ? `${boot}.${changes}` : null),
    close: () => listener.close(),
  };
}

export interface ChannelListener {
  /** Whether notifications are being received now. */
  listening(): boolean;
  close(): Promise<void>;
}

/**
 * LISTEN on `channel` over a connection of its own, connecting again (after retryMs) whenever it is lost;
 * resolves once the first connection succeeded or failed. `onListening` runs each time listening (re)starts:
 * notifications sent meanwhile were missed.
 */
export async function listenToChannel(
  url: string,
  channel: string,
  handlers: { onNotification: (payload: string) => void; onListening?: () => void },
  options: DataChangeFeedOptions = {},
): Promise<ChannelListener> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const lost = (connection: pg.Client, error?: unknown) => {
    if (client !== connection) return;
    client = null;
    listening = false;
    if (error !== undefined) options.onError?.(error);
    connection.end().catch(() => {});
    if (!closed) retry = setTimeout(() => void connect(), options.retryMs ?? 1000);
  };
  const connect = async () => {
    const connection = new pg.Client({ connectionString: url });
    client = connection;
    connection.on("notification", (message) => handlers.onNotification(message.payload ?? ""));
    connection.on("error", (error) => lost(connection, error));
    connection.on("end", () => lost(connection));
    try {
      await connection.connect();
      await connection.query(`LISTEN ${channel}`);
      if (client !== connection) return;
      listening = true;
      handlers.onListening?.();
    } catch (error) {
      lost(connection, error);
    }
  };
  await connect();
  return {
    listening: () => listening,
    async close() {
      closed = true;
      clearTimeout(retry);
      const connection = client;
      client = null;
      listening = false;
      await connection?.end().catch(() => {});
    },
  };
}
