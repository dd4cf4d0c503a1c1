import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { legalLinks } from "@/components/shell/navigation";
import { passwordRules } from "@/lib/auth/password-policy";
import { planChoiceQuery, type PlanChoice } from "@/lib/billing/plans/plan-choice";
import { plans } from "@/lib/billing/plans/plans";
import { needsDocumentLoad } from "@/lib/http/per-request-variants";
import { signUpAction } from "../../actions";
import { AuthCard, textLinkClassName } from "../../_components/auth-card";
import { OAuthButtons } from "../../_components/oauth-buttons";

function PlanChoiceNote({ plan }: { plan: PlanChoice }) {
  return (
    <p className="mb-5 rounded-lg border border-brand-200 bg-brand-50 px-4 py-3 text-sm text-brand-900 dark:border-brand-900 dark:bg-brand-950 dark:text-brand-100">
      You chose <strong className="font-medium">{plans[plan.plan].name}</strong>, billed{" "}
      {plan.interval === "year" ? "yearly" : "monthly"}. After you confirm your email and name your
      organization, you go straight to checkout.
    </p>
  );
}

/** The sign-up form; the same for the prerendered page and the per-request one. */
export function SignUpCard({
  email,
  plan,
}: {
  email?: string | string[];
  /** Picked on the pricing page: kept through confirmation and onboarding to checkout. */
  plan?: PlanChoice | null;
}) {
  // An invitation link prefills the invited address (the sign-up still confirms it by email).
  const onboarding = plan ? `/onboarding?${planChoiceQuery(plan)}` : undefined;
  const signInHref = onboarding
    ? `/sign-in?callbackUrl=${encodeURIComponent(onboarding)}`
    : "/sign-in";
  // With a return path, only the server's per-request variant of the page keeps it.
  const SignInLink = needsDocumentLoad(signInHref) ? "a" : Link;
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
            <SignInLink href={signInHref} className={textLinkClassName}>
              Sign in
            </SignInLink>
          </p>
        </>
      }
    >
      {plan ? <PlanChoiceNote plan={plan} /> : null}
      <OAuthButtons callbackUrl={onboarding} />
      <ActionForm
        action={signUpAction}
        hideOnSuccess
        hidden={plan ? { plan: plan.plan, interval: plan.interval } : undefined}
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
