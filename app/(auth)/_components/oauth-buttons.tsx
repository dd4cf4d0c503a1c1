import { buttonClassName } from "@/components/ui/button";
import { configuredOAuthProviders } from "@/lib/auth/oauth/providers";
import { oauthSignInAction } from "../actions";

/** "Continue with GitHub/Google", only for the providers whose credentials are set. */
export function OAuthButtons({ callbackUrl }: { callbackUrl?: string }) {
  const providers = configuredOAuthProviders();
  if (providers.length === 0) return null;
  return (
    <div className="mb-6 grid gap-3">
      {providers.map((provider) => (
        <form key={provider.id} action={oauthSignInAction}>
          <input type="hidden" name="provider" value={provider.id} />
          {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
          <button
            type="submit"
            className={buttonClassName({ variant: "secondary", className: "w-full" })}
          >
            Continue with {provider.name}
          </button>
        </form>
      ))}
      <p className="flex items-center gap-3 text-xs text-zinc-500 dark:text-zinc-400 uppercase before:h-px before:flex-1 before:bg-zinc-200 after:h-px after:flex-1 after:bg-zinc-200 dark:before:bg-zinc-800 dark:after:bg-zinc-800">
        or
      </p>
    </div>
  );
}
