/**
 * Where the end-to-end server listens. E2E_PORT moves it (two checkouts can run their
 * suites side by side); keel.test and its subdomains resolve to loopback in Chromium.
 */
export const e2ePort = Number(process.env.E2E_PORT || 3100);
export const rootHost = `keel.test:${e2ePort}`;
export const app = `http://${rootHost}`;

/** The address of an organization's subdomain on the e2e server. */
export const tenantApp = (slug: string) => `http://${slug}.${rootHost}`;

/** The Stripe emulator the e2e server starts next to the app (scripts/e2e-server.ts). */
export const stripeEmulator = `http://localhost:${Number(process.env.E2E_STRIPE_PORT || e2ePort + 11)}`;
