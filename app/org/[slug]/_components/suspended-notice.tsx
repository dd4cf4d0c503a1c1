import { SUSPENDED_MESSAGE } from "@/lib/tenancy/suspension";

/** All a member of a suspended organization sees there: no navigation, no data. */
export function SuspendedNotice({ organizationName }: { organizationName: string }) {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-5 py-16 text-center">
      <h1 className="text-3xl font-semibold tracking-tight text-zinc-950 dark:text-white">
        {organizationName} is suspended
      </h1>
      <p className="mt-4 text-zinc-600 dark:text-zinc-400" data-testid="suspended-notice">
        {SUSPENDED_MESSAGE} Its data is kept while it is suspended.
      </p>
    </div>
  );
}
