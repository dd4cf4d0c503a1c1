import { useId } from "react";
import { Button } from "@/components/ui/button";
import { authLinks } from "./navigation";

type SignedOutProps = {
  title?: string;
  description?: string;
  returnTo?: string;
  headingLevel?: 1 | 2;
};

function withReturnTo(path: string, returnTo: string | undefined) {
  // A leading "//" would be a protocol-relative URL to another site.
  if (!returnTo || !returnTo.startsWith("/") || returnTo.startsWith("//")) return path;
  return `${path}?callbackUrl=${encodeURIComponent(returnTo)}`;
}

export function SignedOut({
  title = "Sign in to continue",
  description = "This page belongs to your organization’s workspace. Sign in with your account, or create one to get started.",
  returnTo,
  headingLevel = 1,
}: SignedOutProps) {
  const titleId = useId();
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <section
      aria-labelledby={titleId}
      className="mx-auto w-full max-w-md rounded-2xl border border-zinc-200 bg-white p-8 text-center shadow-sm sm:p-10 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div
        aria-hidden="true"
        className="mx-auto flex size-12 items-center justify-center rounded-full bg-brand-50 text-brand-700 ring-1 ring-brand-100 dark:bg-brand-950 dark:text-brand-300 dark:ring-brand-900"
      >
        <svg viewBox="0 0 24 24" className="size-6 fill-none stroke-current stroke-[1.6]">
          <rect x="5" y="10.5" width="14" height="9.5" rx="2" />
          <path d="M8.5 10.5V8a3.5 3.5 0 0 1 7 0v2.5" strokeLinecap="round" />
        </svg>
      </div>
      <Heading
        id={titleId}
        className="mt-5 text-xl font-semibold tracking-tight text-zinc-950 dark:text-white"
      >
        {title}
      </Heading>
      <p className="mt-2 text-sm leading-6 text-zinc-600 dark:text-zinc-400">{description}</p>
      <div className="mt-7 flex flex-col gap-2 sm:flex-row sm:justify-center">
        <Button href={withReturnTo(authLinks.signIn, returnTo)}>Sign in</Button>
        <Button href={withReturnTo(authLinks.signUp, returnTo)} variant="secondary">
          Create an account
        </Button>
      </div>
    </section>
  );
}
