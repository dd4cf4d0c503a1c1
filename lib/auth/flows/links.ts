import { env } from "@/lib/env";

export const accountLinks = {
  verifyEmail: (token: string) => `${env.appUrl}/verify-email?token=${encodeURIComponent(token)}`,
  resetPassword: (token: string) =>
    `${env.appUrl}/reset-password?token=${encodeURIComponent(token)}`,
  magicLink: (token: string, callbackUrl?: string) =>
    `${env.appUrl}/magic-link?token=${encodeURIComponent(token)}${
      callbackUrl ? `&callbackUrl=${encodeURIComponent(callbackUrl)}` : ""
    }`,
  confirmEmailChange: (token: string) =>
    `${env.appUrl}/confirm-email-change?token=${encodeURIComponent(token)}`,
  confirmReauthentication: (token: string) =>
    `${env.appUrl}/api/account/reauthenticate?token=${encodeURIComponent(token)}`,
  forgotPassword: () => `${env.appUrl}/forgot-password`,
  signIn: () => `${env.appUrl}/sign-in`,
};
