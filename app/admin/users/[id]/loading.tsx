export default function LoadingUser() {
  return (
    <div className="grid gap-8" aria-busy="true">
      <p role="status" className="sr-only">
        Loading user…
      </p>
      <div className="h-8 w-72 animate-pulse rounded-lg bg-zinc-200 dark:bg-zinc-800" />
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-40 animate-pulse rounded-2xl bg-zinc-100 dark:bg-zinc-900" />
      ))}
    </div>
  );
}
