import net from "node:net";

/**
 * A TCP proxy in front of a database, for fault tests. It forwards bytes both ways until
 * `blackHole(true)`: from then on it accepts connections and swallows what every
 * connection sends, old and new alike, and never answers nor resets, like a failed-over
 * server or a dropped network path. A connection that fell into the hole stays there
 * (its protocol state is lost); `blackHole(false)` only lets new connections through.
 */
export type FaultProxy = {
  url: string;
  blackHole(on: boolean): void;
  stop(): Promise<void>;
};

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const host = upstream.hostname;
  const port = Number(upstream.port || 5432);
  let swallowing = false;
  const sockets = new Set<net.Socket>();
  const lost = new Set<net.Socket>();

  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    // A client giving up on a swallowed connection is expected; nothing to report.
    socket.on("error", () => {});
  };

  const server = net.createServer((client) => {
    track(client);
    if (swallowing) {
      lost.add(client);
      client.on("data", () => {});
      return;
    }
    const server = net.connect(port, host);
    track(server);
    const forward = (from: net.Socket, to: net.Socket) =>
      from.on("data", (chunk: Buffer) => {
        if (lost.has(client)) return;
        to.write(chunk);
      });
    forward(client, server);
    forward(server, client);
    client.on("close", () => server.destroy());
    server.on("close", () => {
      if (!lost.has(client)) client.destroy();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as net.AddressInfo;
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String(address.port);

  return {
    url: url.toString(),
    blackHole(on) {
      swallowing = on;
      // Every connection open now falls in; they stay in after the hole closes.
      if (on) for (const socket of sockets) lost.add(socket);
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
