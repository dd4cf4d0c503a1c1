/**
 * `tsx scripts/stripe-emulator.ts`: runs the local Stripe emulator by hand.
 *
 *   STRIPE_EMULATOR_PORT   port to listen on (default 12111)
 *   STRIPE_WEBHOOK_URL     where signed events are POSTed (optional; without it they are only recorded)
 *   STRIPE_WEBHOOK_SECRET  whsec_… secret to sign them with (default whsec_emulator)
 *   STRIPE_EMULATOR_STATE  JSON file keeping state across restarts (default .keel/stripe-emulator.json;
 *                          set it to an empty string to keep state in memory only)
 *   STRIPE_EMULATOR_PUBLIC_URL  base URL for checkout and portal pages (default http://localhost:<port>)
 *
 * Point the app at it with STRIPE_API_BASE=http://127.0.0.1:<port> and the same STRIPE_WEBHOOK_SECRET
 * (`npm run dev` does all of this by itself when STRIPE_SECRET_KEY is unset).
 */
import path from "node:path";
import { startStripeEmulator } from "./stripe-emulator/server";

const port = Number(process.env.STRIPE_EMULATOR_PORT ?? 12111);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(
    `STRIPE_EMULATOR_PORT must be a port number, got ${process.env.STRIPE_EMULATOR_PORT}`,
  );
  process.exit(1);
}
const stateFile =
  process.env.STRIPE_EMULATOR_STATE ?? path.join(process.cwd(), ".keel", "stripe-emulator.json");

const emulator = await startStripeEmulator({
  port,
  webhookUrl: process.env.STRIPE_WEBHOOK_URL || undefined,
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET || "whsec_emulator",
  publicUrl: process.env.STRIPE_EMULATOR_PUBLIC_URL || undefined,
  stateFile: stateFile || undefined,
  log: (line) => console.log(`\x1b[35m[stripe]\x1b[0m ${line}`),
});

console.log(`\x1b[35m[stripe]\x1b[0m controls: http://localhost:${emulator.port}/`);
if (!process.env.STRIPE_WEBHOOK_URL) {
  console.log(
    "\x1b[35m[stripe]\x1b[0m STRIPE_WEBHOOK_URL is unset: events are recorded, not delivered",
  );
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void emulator.stop().then(() => process.exit(0));
  });
}
