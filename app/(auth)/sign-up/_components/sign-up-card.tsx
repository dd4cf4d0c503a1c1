import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { legalLinks } from "@/components/shell/navigation";
import { passwordRules } from "@/lib/auth/password-policy";
import { signUpAction } from "../../actions";
import { AuthCard, textLinkClassName } from "../../_components/auth-card";
import { OAuthButtons } from "../../_components/oauth-buttons";

/** The sign-up form; the same for the prerendered page and the per-request one. */
export function SignUpCard({ email }: { email?: string | string[] }) {
  // An invitation link prefills the invited address (the sign-up still confirms it by email).
  return (
    <AuthCard
      title="Create your account"
      lead="Start with your email. We will send a link to confirm it."
      footer={
        <>
          <p>
            By signing up you agree to the{" "}
            <Link href={legalLinks.terms} className={textLinkClassName}>
              Terms of service
            </Link>{" "}
            and the{" "}
            <Link href={legalLinks.privacy} className={textLinkClassName}>
              Privacy policy
            </Link>
            .
          </p>
          <p className="mt-3">
            Already have an account?{" "}
            <Link href="/sign-in" className={textLinkClassName}>
              Sign in
            </Link>
          </p>
        </>
      }
    >
      <OAuthButtons />
      <ActionForm
        action={signUpAction}
        hideOnSuccess
        submitLabel="Create account"
        pendingLabel="Creating your account…"
        fields={[
          { name: "name", label: "Name", autoComplete: "name", maxLength: 100, autoFocus: true },
          {
            name: "email",
            label: "Email",
            type: "email",
            autoComplete: "email",
            inputMode: "email",
            defaultValue: typeof email === "string" ? email.slice(0, 254) : undefined,
          },
          {
            name: "password",
            label: "Password",
            type: "password",
            autoComplete: "new-password",
            description: `At least ${passwordRules.minLength} characters. A few unrelated words make a strong one.`,
          },
        ]}
      />
    </AuthCard>
  );
}
