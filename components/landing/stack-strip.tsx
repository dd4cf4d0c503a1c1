const stack = [
  "Next.js 16",
  "React 19",
  "TypeScript",
  "PostgreSQL",
  "Prisma 7",
  "Auth.js",
  "Stripe",
  "Tailwind CSS 4",
  "Playwright",
] as const;

export function StackStrip() {
  return (
    <section
      aria-labelledby="stack-title"
      className="border-y border-zinc-200 dark:border-zinc-800"
    >
      <div className="mx-auto flex max-w-6xl flex-col items-center gap-4 px-5 py-10 sm:px-6 lg:px-8">
        <h2
          id="stack-title"
          className="shrink-0 text-sm font-medium text-zinc-500 dark:text-zinc-400"
        >
          Built on tools you already know
        </h2>
        <ul className="flex max-w-5xl flex-wrap justify-center gap-x-7 gap-y-2">
          {stack.map((name) => (
            <li
              key={name}
              className="font-mono text-sm font-medium text-zinc-700 dark:text-zinc-300"
            >
              {name}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
