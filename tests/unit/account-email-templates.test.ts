import { describe, expect, it } from "vitest";
import { renderTemplate, templates, type TemplateRequest } from "@/lib/email/templates";
import { accountLockedEmail } from "@/lib/email/templates/account-locked";
import { emailChangeConfirmationEmail } from "@/lib/email/templates/email-change-confirm";
import { emailChangedNoticeEmail } from "@/lib/email/templates/email-changed-notice";
import { escapeHtml } from "@/lib/email/templates/layout";
import { magicLinkEmail } from "@/lib/email/templates/magic-link";
import { passwordChangedEmail } from "@/lib/email/templates/password-changed";
import { passwordResetEmail } from "@/lib/email/templates/password-reset";
import { twoFactorChangedEmail } from "@/lib/email/templates/two-factor-changed";
import { verificationEmail } from "@/lib/email/templates/verify-email";

const token = "tKn_Zq81vN3xRrA0pL5mW7yB2cD4eF6gH9jK";
const tokenLink = (path: string) => `https://app.example.com/${path}?token=${token}`;
const resetUrl = "https://app.example.com/forgot-password";
const hostileName = `<script>alert("x")</script>`;
const hostileEmail = `"<img src=x onerror=alert(1)>"@example.com`;

/** One request per account template, with the link it must carry and its subject. */
const cases: { request: TemplateRequest; url: string; subject: string }[] = [
  {
    request: {
      template: "accountExport",
      data: {
        name: "Ada",
        url: `https://app.example.com/api/account/export/exp_1?expires=1&signature=${token}`,
        expiresInHours: 24,
      },
    },
    url: `https://app.example.com/api/account/export/exp_1?expires=1&signature=${token}`,
    subject: "Your Keel data is ready",
  },
  {
    request: {
      template: "verifyEmail",
      data: { name: "Ada", url: tokenLink("verify-email"), expiresInMinutes: 15 },
    },
    url: tokenLink("verify-email"),
    subject: "Confirm your email address",
  },
  {
    request: { template: "magicLink", data: { url: tokenLink("magic"), expiresInMinutes: 15 } },
    url: tokenLink("magic"),
    subject: "Your Keel sign-in link",
  },
  {
    request: {
      template: "passwordReset",
      data: { name: "Ada", url: tokenLink("reset-password"), expiresInMinutes: 15 },
    },
    url: tokenLink("reset-password"),
    subject: "Reset your Keel password",
  },
  {
    request: {
      template: "passwordChanged",
      data: { name: "Ada", changedAt: "2026-11-22T11:06:00.000Z", ipAddress: null, resetUrl },
    },
    url: resetUrl,
    subject: "Your Keel password was changed",
  },
  {
    request: {
      template: "emailChangeConfirm",
      data: {
        name: "Ada",
        newEmail: "ada@new.example",
        url: tokenLink("confirm-email-change"),
        expiresInMinutes: 15,
      },
    },
    url: tokenLink("confirm-email-change"),
    subject: "Confirm your new email address",
  },
  {
    request: {
      template: "emailChangedNotice",
      data: { name: "Ada", newEmail: "ada@new.example", resetUrl },
    },
    url: resetUrl,
    subject: "Your Keel email address was changed",
  },
  {
    request: {
      template: "accountLocked",
      data: { name: "Ada", retryAfterMinutes: 15, resetUrl },
    },
    url: resetUrl,
    subject: "Sign-in to your Keel account is paused",
  },
  {
    request: { template: "twoFactorChanged", data: { name: "Ada", enabled: true, resetUrl } },
    url: resetUrl,
    subject: "Two-factor authentication is on for your Keel account",
  },
  {
    request: {
      template: "reauthentication",
      data: { name: "Ada", url: tokenLink("api/account/reauthenticate"), expiresInMinutes: 15 },
    },
    url: tokenLink("api/account/reauthenticate"),
    subject: "Confirm it's you on Keel",
  },
];

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/** The same request with its link(s) replaced. */
function withUrl(request: TemplateRequest, url: string): TemplateRequest {
  const data = { ...request.data } as Record<string, unknown>;
  for (const key of ["url", "resetUrl"]) if (key in data) data[key] = url;
  return { ...request, data } as TemplateRequest;
}

describe("account email templates", () => {
  it("registers every account template under the names callers use", () => {
    expect(Object.keys(templates).sort()).toEqual(
      [
        "welcome",
        "verifyEmail",
        "magicLink",
        "passwordReset",
        "passwordChanged",
        "emailChangeConfirm",
        "emailChangedNotice",
        "accountLocked",
        "twoFactorChanged",
        "reauthentication",
        "accountExists",
        "invitation",
        "trialStarted",
        "trialEnding",
        "trialEnded",
        "paymentFailed",
        "paymentActionRequired",
        "accountExport",
        "usageThreshold",
        "memberJoined",
        "roleChanged",
        "accountDeleted",
        "referralCredited",
      ].sort(),
    );
  });

  describe.each(cases)("$request.template", ({ request, url, subject }) => {
    it("renders a subject, an HTML and a text version", () => {
      const email = renderTemplate(request);
      expect(email.subject).toBe(subject);
      expect(email.html).toMatch(/^<!DOCTYPE html>/);
      expect(email.html).toContain(`<title>`);
      expect(email.text.trim().length).toBeGreaterThan(0);
      expect(email.text).not.toMatch(/<[a-z]/i);
    });

    it("carries its link in both versions", () => {
      const { html, text } = renderTemplate(request);
      expect(html).toContain(`href="${escapeHtml(url)}"`);
      expect(text).toContain(`: ${url}\n`);
    });

    it("refuses a link that is not http(s)", () => {
      for (const bad of ["javascript:alert(1)", "data:text/html,hi", "/relative/path"]) {
        expect(() => renderTemplate(withUrl(request, bad))).toThrow(/Email links/);
      }
    });

    it("mentions the secret token only inside the link", () => {
      const { subject, html, text } = renderTemplate(request);
      const linkCount = (body: string) => occurrences(body, escapeHtml(url));
      expect(subject).not.toContain(token);
      // Every copy of the token is part of a copy of the link, nowhere on its own.
      expect(occurrences(html, token)).toBe(url.includes(token) ? linkCount(html) : 0);
      expect(occurrences(text, token)).toBe(url.includes(token) ? occurrences(text, url) : 0);
    });
  });

  describe.each(cases.filter((c) => "name" in c.request.data))(
    "$request.template greeting",
    ({ request }) => {
      const withName = (name: string | null | undefined) =>
        renderTemplate({ ...request, data: { ...request.data, name } } as TemplateRequest);

      it("greets by name, escaped in the HTML and as typed in the text", () => {
        const { html, text } = withName(hostileName);
        expect(html).not.toContain("<script>");
        expect(html).toContain("Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,");
        expect(text).toContain(`Hi ${hostileName},`);
      });

      it("greets neutrally without a name", () => {
        for (const name of [null, undefined, "  "]) {
          expect(withName(name).text).toContain("\n\nHi,\n\n");
        }
      });
    },
  );
});

describe("expiry wording", () => {
  const base = { name: "Ada", url: tokenLink("verify-email") };

  it("says how long a link lasts, in minutes or hours", () => {
    expect(verificationEmail({ ...base, expiresInMinutes: 15 }).text).toContain(
      "expires in 15 minutes",
    );
    expect(verificationEmail({ ...base, expiresInMinutes: 15 }).html).toContain(
      "expires in 15 minutes",
    );
    expect(verificationEmail({ ...base, expiresInMinutes: 1 }).text).toContain(
      "expires in 1 minute.",
    );
    expect(passwordResetEmail({ ...base, expiresInMinutes: 60 }).text).toContain(
      "expires in 1 hour",
    );
    expect(magicLinkEmail({ url: base.url, expiresInMinutes: 120 }).text).toContain(
      "expires in 2 hours",
    );
    expect(
      emailChangeConfirmationEmail({ ...base, newEmail: "a@b.example", expiresInMinutes: 90 }).text,
    ).toContain("expires in 90 minutes");
  });

  it("rounds a fractional pause up rather than promising less than it is", () => {
    const { text } = accountLockedEmail({ retryAfterMinutes: 4.2, resetUrl });
    expect(text).toContain("paused for about 5 minutes");
  });

  it("refuses a duration that is not a positive number", () => {
    for (const minutes of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => verificationEmail({ ...base, expiresInMinutes: minutes })).toThrow();
      expect(() => accountLockedEmail({ retryAfterMinutes: minutes, resetUrl })).toThrow();
    }
  });
});

describe("what each email says", () => {
  it("magic link: works once, and nobody can sign in without it", () => {
    const { text } = magicLinkEmail({ url: tokenLink("magic"), expiresInMinutes: 15 });
    expect(text).toContain("The link works once and expires in 15 minutes");
    expect(text).toContain("ignore this email. Nobody can sign in without it.");
  });

  it("password reset: single use, and a newer request replaces it", () => {
    const { text } = passwordResetEmail({ url: tokenLink("r"), expiresInMinutes: 15 });
    expect(text).toContain("works once");
    expect(text).toContain("A newer request replaces it");
  });

  it("password changed: when, from where, other sessions signed out, reset if not you", () => {
    const { text, html } = passwordChangedEmail({
      name: "Ada",
      changedAt: "2026-11-22T11:06:00.000Z",
      ipAddress: "203.0.113.7",
      resetUrl,
    });
    expect(text).toContain(
      "changed on 22 November 2026 at 11:06 UTC from the IP address 203.0.113.7.",
    );
    expect(text).toContain("every other device was signed out");
    expect(text).toContain(`Not you? Reset your password now:\n\nReset your password: ${resetUrl}`);
    expect(html).toContain("203.0.113.7");
  });

  it("password changed: leaves the IP out when unknown and refuses a bad date", () => {
    const { text } = passwordChangedEmail({ changedAt: "2026-11-22T11:06:00Z", resetUrl });
    expect(text).toContain("changed on 22 November 2026 at 11:06 UTC.");
    expect(text).not.toContain("IP address");
    expect(() => passwordChangedEmail({ changedAt: "yesterday", resetUrl })).toThrow();
  });

  it("email change confirmation: names the new address, escaped, and changes nothing yet", () => {
    const { text, html } = emailChangeConfirmationEmail({
      newEmail: hostileEmail,
      url: tokenLink("confirm"),
      expiresInMinutes: 15,
    });
    expect(text).toContain(`to ${hostileEmail}.`);
    expect(text).toContain("Nothing changes until you confirm");
    expect(html).not.toContain("<img");
    expect(html).toContain(escapeHtml(hostileEmail));
  });

  it("email changed notice: names the new address, escaped, with a way back", () => {
    const { text, html } = emailChangedNoticeEmail({ newEmail: hostileEmail, resetUrl });
    expect(text).toContain(`changed to ${hostileEmail}.`);
    expect(text).toContain("Not you?");
    expect(html).not.toContain("<img");
    expect(html).toContain(escapeHtml(hostileEmail));
  });

  it("account locked: about how long, reset lifts the pause, nothing to do if it was you", () => {
    const { subject, text } = accountLockedEmail({ retryAfterMinutes: 15, resetUrl });
    expect(subject).toContain("paused");
    expect(text).toContain("too many failed attempts");
    expect(text).toContain("paused for about 15 minutes");
    expect(text).toContain("works right away and lifts the pause");
    expect(text).toContain("If it was you, there is nothing to do");
  });

  it("two-factor: says whether it was turned on or off", () => {
    const on = twoFactorChangedEmail({ enabled: true, resetUrl });
    const off = twoFactorChangedEmail({ enabled: false, resetUrl });
    expect(on.subject).toMatch(/is on/);
    expect(on.text).toContain("was turned on");
    expect(off.subject).toMatch(/turned off/);
    expect(off.text).toContain("was turned off");
    expect(off.text).not.toContain("was turned on");
  });
});
