// One wording per outcome, so known and unknown addresses get byte-identical answers.
export const authMessages = {
  signUpAccepted:
    "Check your inbox: we sent a link to confirm your address. It expires in 15 minutes.",
  resetRequested:
    "If an account uses this address, we sent it a link to choose a new password. It expires in 15 minutes.",
  magicLinkRequested:
    "Check your inbox: we sent a sign-in link to this address. It works once and expires in 15 minutes.",
  wrongCredentials: "Email or password is incorrect.",
  invalidLink: "This link is invalid or has expired. Ask for a new one.",
  wrongCode: "That code is not valid. Try the current code from your app, or a recovery code.",
  challengeExpired: "Your sign-in expired. Sign in again.",
  // Shown only to someone who proved they own the account (right password, the emailed link,
  // the provider), so it tells no stranger which addresses exist.
  accountDisabled: "This account has been disabled. Contact support.",
} as const;
