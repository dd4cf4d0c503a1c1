import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { isTemplateName, renderPreview } from "@/lib/email/templates/previews";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Email preview", robots: { index: false } };

type Theme = "light" | "dark";

const DARK_MODE_QUERY = "@media (prefers-color-scheme: dark)";

const linkClass =
  "rounded-sm font-medium text-blue-700 underline underline-offset-2 hover:text-blue-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-blue-400 dark:hover:text-blue-300";

/**
 * The email's own dark-mode rules applied (dark) or switched off (light), whatever this
 * browser prefers; links open in a new tab instead of inside the frame.
 */
function previewDocument(html: string, theme: Theme): string {
  const themed = html.replace(DARK_MODE_QUERY, theme === "dark" ? "@media all" : "@media not all");
  return themed.replace(/<head[^>]*>/i, (head) => `${head}<base target="_blank">`);
}

function ThemeLink({ name, theme, current }: { name: string; theme: Theme; current: Theme }) {
  const label = theme === "dark" ? "Dark" : "Light";
  return theme === current ? (
    <span
      aria-current="page"
      className="rounded-md bg-zinc-900 px-3 py-1 text-white dark:bg-zinc-100 dark:text-zinc-900"
    >
      {label}
    </span>
  ) : (
    <Link
      href={`/dev/emails/${name}${theme === "dark" ? "?theme=dark" : ""}`}
      className="rounded-md px-3 py-1 text-zinc-700 underline underline-offset-2 hover:text-zinc-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-zinc-300 dark:hover:text-white"
    >
      {label}
    </Link>
  );
}

/**
 * One template with sample data: its subject, the HTML version in a sandboxed frame without
 * scripts or access to this page (no `allow-scripts`, no `allow-same-origin`), and the text version.
 */
export default async function EmailPreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ template: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (env.isProduction) notFound();
  const { template } = await params;
  if (!isTemplateName(template)) notFound();
  const theme: Theme = (await searchParams).theme === "dark" ? "dark" : "light";
  const email = renderPreview(template);

  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <p className="mb-6 text-sm">
        <Link href="/dev/emails" className={linkClass}>
          ← Email previews
        </Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight break-words text-zinc-950 dark:text-zinc-50">
        {email.subject}
      </h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Template <code>{template}</code>, with sample data.
      </p>
      <div className="mt-8 mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-medium text-zinc-700 dark:text-zinc-300">HTML version</h2>
        <nav aria-label="Color scheme" className="flex gap-1 text-sm">
          <ThemeLink name={template} theme="light" current={theme} />
          <ThemeLink name={template} theme="dark" current={theme} />
        </nav>
      </div>
      <iframe
        title={`HTML version of “${email.subject}”`}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        srcDoc={previewDocument(email.html, theme)}
        className="h-[36rem] w-full rounded-lg border border-zinc-200 bg-white dark:border-zinc-800"
      />
      <h2 className="mt-8 mb-2 text-sm font-medium text-zinc-700 dark:text-zinc-300">
        Text version
      </h2>
      <pre className="overflow-x-auto rounded-lg bg-zinc-50 p-4 font-mono text-sm leading-6 whitespace-pre-wrap text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">
        {email.text}
      </pre>
    </main>
  );
}
