/** Runs once when the server starts, before it answers a request. */
export async function register() {
  // NEXT_RUNTIME is a build-time constant of Next.js, not configuration: the guard hooks
  // Node's HTTP server, which only the Node.js runtime has.
  // eslint-disable-next-line no-restricted-syntax, no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { refuseUnsupportedMethods } = await import("./lib/http/method-guard");
    refuseUnsupportedMethods();
  }
}
