import net from "node:net";

/**
 * A TCP proxy in front of PostgreSQL that reads the client side of the wire protocol and
 * counts, whatever version of the app is talking: round trips (a simple Query, or an
 * extended-protocol batch ending in Sync), transactions (BEGIN) and the round trips
 * inside them. No SSL (the bench servers connect without it).
 */
export type Counts = { roundTrips: number; transactions: number; inTransaction: number };

export type PgCounter = { url: string; counts: Counts; stop: () => Promise<void> };

const begin = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;
const end = /^\s*(COMMIT|ROLLBACK|END)\b/i;

export async function startPgCounter(target: string): Promise<PgCounter> {
  const upstream = new URL(target);
  const counts: Counts = { roundTrips: 0, transactions: 0, inTransaction: 0 };
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const server = net.connect(Number(upstream.port || 5432), upstream.hostname);
    sockets.add(client).add(server);
    let buffer = Buffer.alloc(0);
    let started = false;
    let open = false;
    // Statements seen since the last Sync: a batch is one round trip, in or out of a transaction.
    let batch: string[] = [];
    const trip = (texts: string[]) => {
      counts.roundTrips++;
      const first = texts[0] ?? "";
      if (begin.test(first)) {
        counts.transactions++;
        open = true;
      } else if (end.test(first)) {
        open = false;
      } else if (open) {
        counts.inTransaction++;
      }
    };
    client.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          if (buffer.length < 4) break;
          const length = buffer.readUInt32BE(0);
          if (buffer.length < length) break;
          buffer = buffer.subarray(length);
          started = true;
          continue;
        }
        if (buffer.length < 5) break;
        const type = String.fromCharCode(buffer[0]!);
        const length = buffer.readUInt32BE(1);
        if (buffer.length < length + 1) break;
        const body = buffer.subarray(5, length + 1);
        buffer = buffer.subarray(length + 1);
        if (type === "Q") trip([body.toString("utf8", 0, Math.max(0, body.length - 1))]);
        else if (type === "P") {
          const nameEnd = body.indexOf(0);
          const textEnd = body.indexOf(0, nameEnd + 1);
          batch.push(body.toString("utf8", nameEnd + 1, textEnd));
        } else if (type === "S") {
          trip(batch);
          batch = [];
        }
      }
      server.write(chunk);
    });
    server.on("data", (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      server.destroy();
      sockets.delete(client);
      sockets.delete(server);
    };
    client.on("close", close).on("error", close);
    server.on("close", close).on("error", close);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as net.AddressInfo;
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String(address.port);
  return {
    url: url.toString(),
    counts,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
