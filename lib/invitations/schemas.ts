import { z } from "zod";

const role = z.enum(["OWNER", "ADMIN", "MEMBER"], "Choose a role.");

export const inviteSchema = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "That address is too long.")
    .pipe(z.email("Enter an email address like name@example.com.")),
  role: role.default("MEMBER"),
});
export const MAX_INVITATIONS_AT_ONCE = 20;

const address = z.email();

// Addresses separated by commas, semicolons, spaces or new lines, as pasted from anywhere. The
// error names the addresses that are wrong, so the person can fix just those.
export const inviteManySchema = z.strictObject({
  emails: z
    .string()
    .max(6000, "That list is too long.")
    .transform((raw) => [
      ...new Set(
        raw
          .split(/[\s,;]+/)
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .superRefine((emails, ctx) => {
      if (emails.length === 0) {
        ctx.addIssue({ code: "custom", message: "Enter at least one email address." });
        return;
      }
      if (emails.length > MAX_INVITATIONS_AT_ONCE) {
        ctx.addIssue({
          code: "custom",
          message: `Invite at most ${MAX_INVITATIONS_AT_ONCE} people at a time.`,
        });
        return;
      }
      const bad = emails.filter((e) => e.length > 254 || !address.safeParse(e).success);
      if (bad.length > 0) {
        const list = bad.map((e) => `“${e.slice(0, 80)}”`).join(", ");
        ctx.addIssue({
          code: "custom",
          message:
            bad.length === 1
              ? `${list} is not an email address. Nothing was sent.`
              : `${list} are not email addresses. Nothing was sent.`,
        });
      }
    }),
  role: role.default("MEMBER"),
});

export const invitationIdSchema = z.strictObject({
  invitationId: z.string().trim().min(1, "Missing invitation.").max(64),
});
export const acceptByTokenSchema = z.strictObject({
  token: z.string().trim().min(20, "This invitation link is not valid.").max(200),
});

export const INVITATION_LIFETIME_DAYS = 7;
