// A new template: a React component plus its subject, paired with `defineEmail` (see
// welcome.tsx), listed in `templates` and given sample data in previews.ts; `enqueueEmail` then
// type-checks its data. A `(data) => RenderedEmail` built with `renderEmail` still fits here.
import { accountDeletedEmail } from "./account-deleted";
import { accountExistsEmail } from "./account-exists";
import { accountExportEmail } from "./account-export";
import { accountLockedEmail } from "./account-locked";
import { paymentActionRequiredEmail, paymentFailedEmail, trialEndingEmail } from "./billing";
import { emailChangeConfirmationEmail } from "./email-change-confirm";
import { emailChangedNoticeEmail } from "./email-changed-notice";
import { invitationEmail } from "./invitation";
import type { RenderedEmail } from "./layout";
import { magicLinkEmail } from "./magic-link";
import { memberJoinedEmail } from "./member-joined";
import { passwordChangedEmail } from "./password-changed";
import { passwordResetEmail } from "./password-reset";
import { reauthenticationEmail } from "./reauthentication";
import { referralCreditedEmail } from "./referral-credited";
import { roleChangedEmail } from "./role-changed";
import { trialEndedEmail, trialStartedEmail } from "./trial";
import { twoFactorChangedEmail } from "./two-factor-changed";
import { usageThresholdEmail } from "./usage";
import { verificationEmail } from "./verify-email";
import { welcomeEmail } from "./welcome";

export const templates = {
  welcome: welcomeEmail,
  verifyEmail: verificationEmail,
  magicLink: magicLinkEmail,
  passwordReset: passwordResetEmail,
  passwordChanged: passwordChangedEmail,
  emailChangeConfirm: emailChangeConfirmationEmail,
  emailChangedNotice: emailChangedNoticeEmail,
  accountLocked: accountLockedEmail,
  accountExists: accountExistsEmail,
  twoFactorChanged: twoFactorChangedEmail,
  reauthentication: reauthenticationEmail,
  usageThreshold: usageThresholdEmail,
  invitation: invitationEmail,
  memberJoined: memberJoinedEmail,
  roleChanged: roleChangedEmail,
  trialStarted: trialStartedEmail,
  trialEnding: trialEndingEmail,
  trialEnded: trialEndedEmail,
  paymentFailed: paymentFailedEmail,
  paymentActionRequired: paymentActionRequiredEmail,
  accountExport: accountExportEmail,
  accountDeleted: accountDeletedEmail,
  referralCredited: referralCreditedEmail,
} satisfies Record<string, (data: never) => RenderedEmail>;

export type TemplateName = keyof typeof templates;

export type TemplateData<Name extends TemplateName> = Parameters<(typeof templates)[Name]>[0];

export type TemplateRequest = {
  [Name in TemplateName]: { template: Name; data: TemplateData<Name> };
}[TemplateName];

export function renderTemplate(request: TemplateRequest): RenderedEmail {
  const render = templates[request.template] as (data: TemplateRequest["data"]) => RenderedEmail;
  return render(request.data);
}

export type { RenderedEmail } from "./layout";
