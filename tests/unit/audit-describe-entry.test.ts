import { describe, expect, it } from "vitest";
import { organizationAuditActions } from "@/lib/audit/actions";
import { describeAuditEntry, type DescribableEntry } from "@/lib/audit-log/describe-entry";

const ada = { name: "Ada Lovelace", email: "ada@example.com" };
const grace = { name: "Grace Hopper", email: "grace@example.com" };

function entry(
  action: string,
  metadata: unknown = {},
  rest: Partial<DescribableEntry> = {},
): DescribableEntry {
  return { action, actor: ada, targetType: null, targetId: null, metadata, ...rest };
}

// The metadata each action records (see the recordAudit calls of each domain).
const recorded: Record<(typeof organizationAuditActions)[number], [DescribableEntry, string]> = {
  "organization.created": [
    entry("organization.created", { slug: "acme", name: "Acme" }),
    "Ada Lovelace created the organization Acme.",
  ],
  "organization.updated": [
    entry("organization.updated", { from: "Acme", to: "Acme Inc" }),
    "Ada Lovelace renamed the organization from Acme to Acme Inc.",
  ],
  "organization.deleted": [
    entry("organization.deleted", { slug: "acme", name: "Acme" }),
    "Ada Lovelace deleted the organization Acme.",
  ],
  "organization.checklist_dismissed": [
    entry("organization.checklist_dismissed", { completed: 2, total: 4 }),
    "Ada Lovelace dismissed the getting-started checklist for everyone.",
  ],
  "organization.ownership_transferred": [
    entry(
      "organization.ownership_transferred",
      { previousRole: "ADMIN" },
      { targetType: "user", targetId: "u2", targetUser: grace },
    ),
    "Ada Lovelace transferred ownership of the organization to Grace Hopper.",
  ],
  "member.invited": [
    entry("member.invited", { email: "grace@example.com", role: "MEMBER" }),
    "Ada Lovelace invited grace@example.com as a Member.",
  ],
  "member.invitation_resent": [
    entry("member.invitation_resent", { email: "grace@example.com", role: "ADMIN" }),
    "Ada Lovelace resent the invitation to grace@example.com.",
  ],
  "member.invitation_revoked": [
    entry("member.invitation_revoked", { email: "grace@example.com", role: "ADMIN" }),
    "Ada Lovelace revoked the invitation to grace@example.com.",
  ],
  "member.joined": [
    entry("member.joined", { role: "ADMIN" }),
    "Ada Lovelace joined the organization as an Admin.",
  ],
  "member.role_changed": [
    entry(
      "member.role_changed",
      { email: "grace@example.com", from: "MEMBER", to: "ADMIN" },
      { targetType: "user", targetId: "u2", targetUser: grace },
    ),
    "Ada Lovelace changed Grace Hopper’s role from Member to Admin.",
  ],
  "member.removed": [
    entry(
      "member.removed",
      { email: "grace@example.com", role: "MEMBER" },
      { targetType: "user", targetId: "u2", targetUser: grace },
    ),
    "Ada Lovelace removed Grace Hopper from the organization.",
  ],
  "member.left": [
    entry("member.left", { email: "ada@example.com", role: "ADMIN" }),
    "Ada Lovelace left the organization.",
  ],
  "project.created": [
    entry("project.created", { name: "Apollo" }),
    "Ada Lovelace created the project Apollo.",
  ],
  "project.file_added": [
    entry("project.file_added", { name: "Apollo", file: "plan.pdf" }),
    "Ada Lovelace attached plan.pdf to the project Apollo.",
  ],
  "project.file_deleted": [
    entry("project.file_deleted", { name: "Apollo", file: "plan.pdf" }),
    "Ada Lovelace removed plan.pdf from the project Apollo.",
  ],
  "organization.logo_changed": [
    entry("organization.logo_changed"),
    "Ada Lovelace changed the organization’s logo.",
  ],
  "organization.logo_removed": [
    entry("organization.logo_removed"),
    "Ada Lovelace removed the organization’s logo.",
  ],
  "project.updated": [
    entry("project.updated", { name: "Apollo" }),
    "Ada Lovelace updated the project Apollo.",
  ],
  "project.deleted": [
    entry("project.deleted", { name: "Apollo" }),
    "Ada Lovelace deleted the project Apollo.",
  ],
  "api.key_created": [
    entry("api.key_created", { name: "CI", prefix: "k_ab", scopes: ["projects:read"] }),
    "Ada Lovelace created the API key CI with access to projects:read.",
  ],
  "api.key_revoked": [
    entry("api.key_revoked", { name: "CI", prefix: "k_ab" }),
    "Ada Lovelace revoked the API key CI.",
  ],
  "api.key_scopes_changed": [
    entry("api.key_scopes_changed", {
      name: "CI",
      from: ["projects:read"],
      to: ["projects:read", "projects:write"],
    }),
    "Ada Lovelace changed the access of the API key CI from projects:read to projects:read, projects:write.",
  ],
  "billing.checkout_started": [
    entry("billing.checkout_started", { plan: "pro", interval: "month" }),
    "Ada Lovelace started checkout for the Pro plan, billed monthly.",
  ],
  "billing.plan_changed": [
    entry("billing.plan_changed", { plan: "business", interval: "year" }),
    "Ada Lovelace changed the subscription to the Business plan, billed yearly.",
  ],
  "billing.promotion_code_applied": [
    entry("billing.promotion_code_applied", { promotion: "WELCOME20", plan: "pro" }),
    "Ada Lovelace applied the promotion code WELCOME20 to the subscription.",
  ],
  "billing.cancellation_scheduled": [
    entry("billing.cancellation_scheduled", { subscription: "sub_1" }),
    "Ada Lovelace scheduled the subscription to cancel at the end of the billing period.",
  ],
  "billing.cancellation_withdrawn": [
    entry("billing.cancellation_withdrawn", { subscription: "sub_1" }),
    "Ada Lovelace withdrew the scheduled cancellation of the subscription.",
  ],
  "billing.subscription_updated": [
    entry(
      "billing.subscription_updated",
      { type: "customer.subscription.updated", status: "past_due", plan: "pro", seats: 5 },
      { actor: null },
    ),
    "The payment provider updated the subscription (Pro plan, 5 seats, past due).",
  ],
  "billing.referral_credited": [
    entry(
      "billing.referral_credited",
      { referredOrganization: "Babbage & Co", amount: "$20", currency: "usd" },
      { actor: null },
    ),
    "Babbage & Co joined through a referral link; $20 was credited to the balance.",
  ],
};

describe("audit entry sentences", () => {
  it.each(Object.entries(recorded))("%s reads as a sentence", (_, [input, sentence]) => {
    expect(describeAuditEntry(input)).toBe(sentence);
  });

  it("has a sentence of its own for every organization action", () => {
    for (const action of organizationAuditActions) {
      const sentence = describeAuditEntry(entry(action));
      expect(sentence, action).not.toContain(action);
      expect(sentence, action).not.toContain("performed");
    }
  });

  it("falls back to a generic sentence naming an unknown action", () => {
    expect(describeAuditEntry(entry("reports.generated", { id: 1 }))).toBe(
      "Ada Lovelace performed “reports.generated”.",
    );
    expect(describeAuditEntry(entry("", null, { actor: null }))).toBe(
      "A deleted user performed “”.",
    );
  });

  it("names a user who no longer exists as a deleted user", () => {
    expect(describeAuditEntry(entry("project.created", { name: "Apollo" }, { actor: null }))).toBe(
      "A deleted user created the project Apollo.",
    );
  });

  it("names the API key, not a deleted user, for changes made through the API", () => {
    const viaApi = { name: "Apollo", via: "api", keyId: "k1" };
    expect(describeAuditEntry(entry("project.deleted", viaApi, { actor: null }))).toBe(
      "An API key deleted the project Apollo.",
    );
  });

  it("says when staff acted while viewing as the customer", () => {
    expect(
      describeAuditEntry(entry("project.created", { name: "Apollo", impersonatorId: "staff1" })),
    ).toBe("Staff (viewing as Ada Lovelace) created the project Apollo.");
  });

  it("uses the email when the actor has no name", () => {
    expect(
      describeAuditEntry(entry("member.left", {}, { actor: { name: null, email: "x@y.z" } })),
    ).toBe("x@y.z left the organization.");
  });

  it("stays a sentence when metadata is missing, malformed or of the wrong type", () => {
    expect(describeAuditEntry(entry("member.role_changed", null))).toBe(
      "Ada Lovelace changed a member’s role.",
    );
    expect(describeAuditEntry(entry("member.invited", ["MEMBER"]))).toBe(
      "Ada Lovelace invited someone.",
    );
    expect(describeAuditEntry(entry("organization.updated", { from: "Acme", to: " " }))).toBe(
      "Ada Lovelace updated the organization.",
    );
    expect(describeAuditEntry(entry("api.key_scopes_changed", { name: "CI", to: "all" }))).toBe(
      "Ada Lovelace changed the access of the API key CI.",
    );
    expect(describeAuditEntry(entry("billing.plan_changed", {}))).toBe(
      "Ada Lovelace changed the subscription to a plan.",
    );
  });

  it("names a removed member by the recorded email once their account is gone", () => {
    const removed = entry(
      "member.role_changed",
      { email: "grace@example.com", from: "ADMIN", to: "MEMBER" },
      { targetType: "user", targetId: "gone", targetUser: null },
    );
    expect(describeAuditEntry(removed)).toBe(
      "Ada Lovelace changed grace@example.com’s role from Admin to Member.",
    );
  });

  it("returns names that look like HTML as they are, as text", () => {
    const sentence = describeAuditEntry(
      entry(
        "project.created",
        { name: "<img src=x onerror=alert(1)>" },
        { actor: { name: "<b>Eve</b>", email: "eve@example.com" } },
      ),
    );
    expect(sentence).toBe("<b>Eve</b> created the project <img src=x onerror=alert(1)>.");
    expect(typeof sentence).toBe("string");
  });
});
