import { TerminalWindow, type TerminalLine } from "./terminal-window";

const steps = [
  {
    title: "Run it",
    command: "npm install && npm run dev",
    description:
      "Starts an embedded PostgreSQL, applies the migrations and seeds a demo organization. Sign in as ada@acme.test and open acme.localhost:3000.",
  },
  {
    title: "Prove it",
    command: "npm test",
    description:
      "Unit tests, integration tests against a fresh database, and end-to-end tests that drive the production build in Chromium.",
  },
  {
    title: "Ship it",
    command: "npm run build",
    description:
      "Fill in .env.example: your database, an auth secret, your email and Stripe keys. Each one swaps an embedded stand-in for the real service, and the server names anything missing before it takes a request.",
  },
] as const;

const terminalLines: readonly TerminalLine[] = [
  { kind: "command", text: "npm install && npm run dev" },
  { kind: "result", label: "PostgreSQL", text: "embedded, .keel/pglite" },
  { kind: "result", label: "Migrations", text: "applied" },
  { kind: "result", label: "Demo data", text: "acme · ada@acme.test" },
  { kind: "result", label: "Mailbox", text: "localhost:3000/dev/mailbox" },
  { kind: "result", label: "Ready", text: "http://localhost:3000", mark: "ready" },
  { kind: "blank" },
  { kind: "command", text: "npm test" },
  { kind: "result", label: "Unit", text: "pure logic, no I/O" },
  { kind: "result", label: "Integration", text: "fresh database per run" },
  { kind: "result", label: "End to end", text: "Playwright + Chromium" },
];

export function HowItWorks() {
  return (
    <section
      aria-labelledby="how-it-works-title"
      className="border-t border-zinc-200 bg-zinc-50 py-16 sm:py-32 dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <div className="mx-auto grid max-w-6xl items-center gap-14 px-5 sm:px-6 lg:grid-cols-2 lg:gap-16 lg:px-8">
        <div>
          <p className="text-sm font-semibold text-brand-700 dark:text-brand-300">How it works</p>
          <h2
            id="how-it-works-title"
            className="mt-3 text-3xl font-semibold tracking-tight text-balance text-zinc-950 sm:text-4xl dark:text-white"
          >
            From clone to running app in two commands
          </h2>
          <p className="mt-4 text-lg leading-8 text-pretty text-zinc-600 dark:text-zinc-400">
            No PostgreSQL to install, no Redis, no API keys. Node.js is the only prerequisite.
          </p>

          <ol className="mt-8 grid gap-6 sm:mt-10 sm:gap-8">
            {steps.map((step, index) => (
              <li key={step.title} className="flex gap-4">
                <span
                  aria-hidden="true"
                  className="flex size-8 shrink-0 items-center justify-center rounded-full border border-zinc-300 bg-white font-mono text-sm font-medium text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300"
                >
                  {index + 1}
                </span>
                <div className="min-w-0">
                  <h3 className="font-semibold text-zinc-950 dark:text-white">
                    {step.title}{" "}
                    <code className="ml-1 rounded-md bg-zinc-200/70 px-1.5 py-0.5 font-mono text-[13px] font-medium text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
                      {step.command}
                    </code>
                  </h3>
                  <p className="mt-1.5 text-sm leading-6 text-zinc-600 dark:text-zinc-400">
                    {step.description}
                  </p>
                </div>
              </li>
            ))}
          </ol>
        </div>

        {/* It repeats the steps above: phones get the steps alone, not a second screenful. */}
        <div className="hidden sm:block">
          <TerminalWindow title="~/your-product" lines={terminalLines} />
        </div>
      </div>
    </section>
  );
}
