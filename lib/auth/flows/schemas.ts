import { z } from "zod";
import { passwordProblem, passwordRules } from "../password-policy";

// Unknown fields are refused.

export const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "This email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address." }));

// Only length is checked here: sign-in must accept whatever password was valid when set.
const anyPassword = z
  .string({ error: "Enter your password." })
  .min(1, "Enter your password.")
  .max(passwordRules.maxLength, `Use at most ${passwordRules.maxLength} characters.`);

export const newPasswordField = z
  .string({ error: "Choose a password." })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const signUpSchema = z.strictObject({
  name: z
    .string({ error: "Enter your name." })
    .trim()
    .min(1, "Enter your name.")
    .max(100, "Use at most 100 characters."),
  email: emailField,
  password: newPasswordField,
});

export const signInSchema = z.strictObject({
  email: emailField,
  password: anyPassword,
});

export const emailOnlySchema = z.strictObject({ email: emailField });

// The page to return to after the link is followed; validated again before any redirect.
export const magicLinkRequestSchema = z.strictObject({
  email: emailField,
  callbackUrl: z.string().max(2048).optional(),
});

export const resetPasswordSchema = z.strictObject({
  token: z.string().min(1).max(200),
  password: newPasswordField,
});

export const twoFactorCodeSchema = z.strictObject({
  code: z
    .string({ error: "Enter the code from your app or a recovery code." })
    .trim()
    .min(6, "Enter the 6-digit code from your app or a recovery code.")
    .max(20, "Enter the 6-digit code from your app or a recovery code."),
});
