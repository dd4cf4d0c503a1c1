import type { FeatureIconName } from "./feature-icon";

export type Feature = {
  icon: FeatureIconName;
  title: string;
  description: string;
  /** A short technical detail shown in monospace under the description. */
  detail: string;
};

export const features: readonly Feature[] = [
  {
    icon: "subdomains",
    title: "Organizations on subdomains",
    description:
      "Every customer gets a workspace at its own address. Owners invite teammates by email and set their roles, and each host resolves to its organization before a page renders.",
    detail: "acme.yourapp.com",
  },
  {
    icon: "accounts",
    title: "Accounts and two-factor",
    description:
      "Auth.js with passwords, email links, and GitHub or Google once you add their keys. Members can turn on authenticator-app codes, with recovery codes for the day they lose their phone.",
    detail: "argon2id · TOTP · recovery codes",
  },
  {
    icon: "billing",
    title: "Billing with Stripe",
    description:
      "Checkout, the customer portal and one subscription per organization. Webhooks are verified and recorded by event id, so a retried delivery never applies twice.",
    detail: "idempotent webhooks",
  },
  {
    icon: "isolation",
    title: "Tenant isolation",
    description:
      "Every tenant table is keyed by organization, and PostgreSQL row-level security enforces it beneath your code. A forgotten filter returns nothing, never another customer’s rows.",
    detail: "row-level security",
  },
  {
    icon: "outbox",
    title: "Durable email outbox",
    description:
      "An email commits in the same transaction as the change that causes it, then goes out through Resend after the response, with retries. A timeout never sends it twice.",
    detail: "enqueueEmail(tx, …)",
  },
  {
    icon: "offline",
    title: "Offline-first development",
    description:
      "No Docker, no accounts, no keys. Development runs on an embedded PostgreSQL, a Stripe emulator and a dev mailbox. Production never falls back to them.",
    detail: "localhost:3000/dev/mailbox",
  },
];
