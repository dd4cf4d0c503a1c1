import { env } from "@/lib/env";
import {
  renderTemplate,
  type RenderedEmail,
  type TemplateData,
  type TemplateName,
  type TemplateRequest,
} from "./index";

// Sample data for the dev preview page (/dev/emails). The type asks for one entry per
// registered template, so a template added without a preview fails the typecheck.
export type TemplatePreviews = { [Name in TemplateName]: TemplateData<Name> };

const link = (path: string) => `${env.appUrl}${path}`;
const token = "preview-token";
const organizationUrl = "http://acme.localhost:3000";

export const previews: TemplatePreviews = {
  welcome: { name: "Ada Lovelace" },
  verifyEmail: {
    name: "Ada Lovelace",
    url: link(`/verify-email?token=${token}`),
    expiresInMinutes: 60,
  },
  magicLink: { url: link(`/magic-link?token=${token}`), expiresInMinutes: 15 },
  passwordReset: {
    name: "Ada Lovelace",
    url: link(`/reset-password?token=${token}`),
    expiresInMinutes: 60,
  },
  passwordChanged: {
    name: "Ada Lovelace",
    changedAt: "2026-11-22T11:06:00.000Z",
    ipAddress: "203.0.113.7",
    resetUrl: link("/forgot-password"),
  },
  emailChangeConfirm: {
    name: "Ada Lovelace",
    newEmail: "ada@new.example.com",
    url: link(`/confirm-email-change?token=${token}`),
    expiresInMinutes: 60,
  },
  emailChangedNotice: {
    name: "Ada Lovelace",
    newEmail: "ada@new.example.com",
    resetUrl: link("/forgot-password"),
  },
  accountLocked: {
    name: "Ada Lovelace",
    retryAfterMinutes: 15,
    resetUrl: link("/forgot-password"),
  },
  accountExists: {
    name: "Ada Lovelace",
    signInUrl: link("/sign-in"),
    resetUrl: link("/forgot-password"),
  },
  twoFactorChanged: { name: "Ada Lovelace", enabled: true, resetUrl: link("/forgot-password") },
  reauthentication: {
    name: "Ada Lovelace",
    url: link(`/api/account/reauthenticate?token=${token}`),
    expiresInMinutes: 10,
  },
  usageThreshold: {
    organizationName: "Acme",
    planName: "Pro",
    percent: 80,
    calls: 80_000,
    includedCalls: 100_000,
    overagePrice: "$1 per 1,000 calls",
    url: `${organizationUrl}/settings/billing`,
  },
  invitation: {
    organizationName: "Acme",
    inviterName: "Grace Hopper",
    role: "ADMIN",
    url: link(`/invitations/accept?token=${token}`),
    expiresInDays: 7,
  },
  memberJoined: {
    organizationName: "Acme",
    memberName: "Grace Hopper",
    memberEmail: "grace@example.com",
    role: "MEMBER",
    membersUrl: `${organizationUrl}/members`,
  },
  roleChanged: {
    organizationName: "Acme",
    changedBy: "Grace Hopper",
    from: "MEMBER",
    to: "ADMIN",
    organizationUrl: `${organizationUrl}/`,
  },
  trialEnding: {
    organizationName: "Acme",
    planName: "Pro",
    trialEndsAt: new Date("2026-12-01T10:00:00Z"),
    url: `${organizationUrl}/settings/billing`,
  },
  paymentFailed: {
    organizationName: "Acme",
    amount: "$24.00",
    readOnlyFrom: new Date("2026-12-08T00:00:00Z"),
    url: `${organizationUrl}/settings/billing`,
  },
  paymentActionRequired: {
    organizationName: "Acme",
    amount: "$24.00",
    url: "https://invoice.stripe.com/i/acct_preview/test_preview",
  },
  accountExport: {
    name: "Ada Lovelace",
    url: link("/api/account/export/exp_preview?expires=1&signature=preview"),
    expiresInHours: 24,
  },
  accountDeleted: { name: "Ada Lovelace", organizationNames: ["Acme", "Side project"] },
  trialStarted: {
    organizationName: "Acme",
    planName: "Pro",
    trialEndsAt: new Date("2026-12-15T12:00:00.000Z"),
    url: `${organizationUrl}/settings/billing`,
  },
  trialEnded: {
    organizationName: "Acme",
    planName: "Pro",
    url: `${organizationUrl}/settings/billing`,
  },
  referralCredited: {
    referredOrganizationName: "Globex",
    creditedOrganizationName: "Acme",
    amount: "$20.00",
    billingUrl: `${organizationUrl}/settings/billing`,
  },
};

export const templateNames = Object.keys(previews) as TemplateName[];

export function isTemplateName(value: string): value is TemplateName {
  return Object.hasOwn(previews, value);
}

/** A template rendered with its sample data, exactly as `enqueueEmail` would store it. */
export function renderPreview(name: TemplateName): RenderedEmail {
  return renderTemplate({ template: name, data: previews[name] } as TemplateRequest);
}
