import type { organizationAuditActions } from "@/lib/audit/actions";
import { roleNames } from "@/lib/tenancy/permissions";

type OrganizationAuditAction = (typeof organizationAuditActions)[number];

type Person = { name: string | null; email: string };

export type DescribableEntry = {
  action: string;
  actor: Person | null;
  targetType: string | null;
  targetId: string | null;
  metadata: unknown;
  /** The user the entry is about, when its target is a user who still exists. */
  targetUser?: Person | null;
};

type Fields = {
  who: string;
  text: (key: string) => string | null;
  list: (key: string) => string | null;
  role: (key: string) => string | null;
  target: string | null;
};

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;
}

const intervals: Record<string, string> = { month: "monthly", year: "yearly" };

function billedAs(f: Fields): string {
  const plan = f.text("plan");
  const interval = f.text("interval");
  const billed = interval ? `, billed ${intervals[interval] ?? interval}` : "";
  return plan ? `the ${capitalize(plan)} plan${billed}` : "a plan";
}

function project(verb: string) {
  return (f: Fields) => {
    const name = f.text("name");
    return `${f.who} ${verb} ${name ? `the project ${name}` : "a project"}`;
  };
}

function apiKey(f: Fields): string {
  const name = f.text("name");
  return name ? `the API key ${name}` : "an API key";
}

// Typed over every organization action, so a new one does not compile until it reads as a sentence.
const sentences: Record<OrganizationAuditAction, (f: Fields) => string> = {
  "organization.created": (f) => {
    const name = f.text("name");
    return `${f.who} created the organization${name ? ` ${name}` : ""}`;
  },
  "organization.updated": (f) => {
    const from = f.text("from");
    const to = f.text("to");
    if (from && to) return `${f.who} renamed the organization from ${from} to ${to}`;
    return `${f.who} ${to ? `renamed the organization to ${to}` : "updated the organization"}`;
  },
  "organization.deleted": (f) => {
    const name = f.text("name");
    return `${f.who} deleted the organization${name ? ` ${name}` : ""}`;
  },
  "organization.ownership_transferred": (f) =>
    `${f.who} transferred ownership of the organization to ${f.target ?? "another member"}`,
  "organization.checklist_dismissed": (f) =>
    `${f.who} dismissed the getting-started checklist for everyone`,
  "member.invited": (f) => {
    const role = f.role("role");
    return `${f.who} invited ${f.text("email") ?? "someone"}${role ? ` as ${withArticle(role)}` : ""}`;
  },
  "member.invitation_resent": (f) =>
    `${f.who} resent the invitation to ${f.text("email") ?? "an invitee"}`,
  "member.invitation_revoked": (f) =>
    `${f.who} revoked the invitation to ${f.text("email") ?? "an invitee"}`,
  "member.joined": (f) => {
    const role = f.role("role");
    return `${f.who} joined the organization${role ? ` as ${withArticle(role)}` : ""}`;
  },
  "member.role_changed": (f) => {
    const target = f.target ? `${f.target}’s role` : "a member’s role";
    const from = f.role("from");
    const to = f.role("to");
    if (from && to) return `${f.who} changed ${target} from ${from} to ${to}`;
    return `${f.who} changed ${target}${to ? ` to ${to}` : ""}`;
  },
  "member.removed": (f) => `${f.who} removed ${f.target ?? "a member"} from the organization`,
  "member.left": (f) => `${f.who} left the organization`,
  "project.created": project("created"),
  "project.updated": project("updated"),
  "project.deleted": project("deleted"),
  "project.file_added": (f) => {
    const name = f.text("name");
    return `${f.who} attached ${f.text("file") ?? "a file"} to ${name ? `the project ${name}` : "a project"}`;
  },
  "project.file_deleted": (f) => {
    const name = f.text("name");
    return `${f.who} removed ${f.text("file") ?? "a file"} from ${name ? `the project ${name}` : "a project"}`;
  },
  "organization.logo_changed": (f) => `${f.who} changed the organization’s logo`,
  "organization.logo_removed": (f) => `${f.who} removed the organization’s logo`,
  "api.key_created": (f) => {
    const scopes = f.list("scopes");
    return `${f.who} created ${apiKey(f)}${scopes ? ` with access to ${scopes}` : ""}`;
  },
  "api.key_revoked": (f) => `${f.who} revoked ${apiKey(f)}`,
  "api.key_scopes_changed": (f) => {
    const from = f.list("from");
    const to = f.list("to");
    const change = from && to ? ` from ${from} to ${to}` : "";
    return `${f.who} changed the access of ${apiKey(f)}${change}`;
  },
  "billing.checkout_started": (f) => `${f.who} started checkout for ${billedAs(f)}`,
  "billing.plan_changed": (f) => `${f.who} changed the subscription to ${billedAs(f)}`,
  "billing.promotion_code_applied": (f) => {
    const code = f.text("promotion");
    return `${f.who} applied ${code ? `the promotion code ${code}` : "a promotion code"} to the subscription`;
  },
  "billing.cancellation_scheduled": (f) =>
    `${f.who} scheduled the subscription to cancel at the end of the billing period`,
  "billing.cancellation_withdrawn": (f) =>
    `${f.who} withdrew the scheduled cancellation of the subscription`,
  // Written by the payment provider's webhook: nobody in the organization acted.
  "billing.subscription_updated": (f) => {
    const plan = f.text("plan");
    const seats = f.text("seats");
    const status = f.text("status");
    const details = [
      plan ? `${capitalize(plan)} plan` : null,
      seats ? `${seats} ${seats === "1" ? "seat" : "seats"}` : null,
      status ? status.replace(/_/g, " ") : null,
    ].filter(Boolean);
    return `The payment provider updated the subscription${details.length ? ` (${details.join(", ")})` : ""}`;
  },
  // Written by the referral-credit job: nobody in the organization acted.
  "billing.referral_credited": (f) => {
    const referred = f.text("referredOrganization");
    const amount = f.text("amount");
    return `${referred ?? "An organization"} joined through a referral link; ${amount ?? "a credit"} was credited to the balance`;
  },
};

function isDescribed(action: string): action is OrganizationAuditAction {
  return Object.hasOwn(sentences, action);
}

function asRecord(metadata: unknown): Record<string, unknown> {
  return metadata && typeof metadata === "object" && !Array.isArray(metadata)
    ? (metadata as Record<string, unknown>)
    : {};
}

function whoDidIt(entry: DescribableEntry, meta: Record<string, unknown>): string {
  // Project changes made through the public API carry no user, only the key.
  if (!entry.actor && meta.via === "api") return "An API key";
  const name = entry.actor ? entry.actor.name || entry.actor.email : "A deleted user";
  // Staff acting as a customer are recorded with the customer as actor (lib/audit/record.ts).
  return typeof meta.impersonatorId === "string" ? `Staff (viewing as ${name})` : name;
}

// Vaguer when metadata is missing, generic (naming the code) for an action not listed here. The
// result is plain text: whoever shows it escapes it (React does).
export function describeAuditEntry(entry: DescribableEntry): string {
  const meta = asRecord(entry.metadata);
  const text = (key: string) => {
    const value = meta[key];
    if (typeof value === "number") return String(value);
    return typeof value === "string" && value.trim() ? value : null;
  };
  const fields: Fields = {
    who: whoDidIt(entry, meta),
    text,
    list: (key) => {
      const value = meta[key];
      if (!Array.isArray(value)) return null;
      const items = value.filter((item): item is string => typeof item === "string");
      return items.length ? items.join(", ") : "nothing";
    },
    role: (key) => {
      const value = text(key);
      return value ? ((roleNames as Record<string, string>)[value] ?? capitalize(value)) : null;
    },
    target:
      (entry.targetUser && (entry.targetUser.name || entry.targetUser.email)) ||
      (entry.targetType === "user" ? text("email") : null),
  };
  if (isDescribed(entry.action)) return `${sentences[entry.action](fields)}.`;
  return `${fields.who} performed “${entry.action}”.`;
}
