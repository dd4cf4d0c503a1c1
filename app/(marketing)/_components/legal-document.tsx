import type { ReactNode } from "react";
import { brand } from "@/brand.config";

type LegalDocumentProps = {
  title: string;
  summary: string;
  children: ReactNode;
};

/**
 * The frame of the terms and the privacy policy: a notice that the text is a template, then
 * the document. The notice stays until the forking team has made the text their own.
 */
export function LegalDocument({ title, summary, children }: LegalDocumentProps) {
  return (
    <article className="mx-auto w-full max-w-3xl px-5 py-14 sm:px-6 lg:px-8">
      <aside
        aria-labelledby="template-notice"
        className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm leading-6 text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-100"
      >
        <h2 id="template-notice" className="font-semibold">
          Template: adapt it before you launch
        </h2>
        <p className="mt-1">
          This page ships with the starter. It describes what the code does out of the box, not your
          business: replace the operator’s details, add what your product does differently, have it
          reviewed for the places you sell to, then remove this notice.
        </p>
      </aside>
      <header className="mt-10">
        <h1 className="text-4xl font-semibold tracking-tight text-zinc-950 dark:text-white">
          {title}
        </h1>
        <p className="mt-4 text-lg leading-8 text-zinc-600 dark:text-zinc-400">{summary}</p>
      </header>
      <div className="mt-10 grid gap-10">{children}</div>
    </article>
  );
}

/** One numbered part of a legal document, with an anchor to link to. */
export function LegalSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="grid gap-4 leading-7 text-zinc-700 dark:text-zinc-300 [&_a]:font-medium [&_a]:text-brand-700 [&_a]:underline [&_a]:underline-offset-4 dark:[&_a]:text-brand-300 [&_li]:pl-1 [&_strong]:font-semibold [&_strong]:text-zinc-950 dark:[&_strong]:text-white [&_ul]:grid [&_ul]:list-disc [&_ul]:gap-2 [&_ul]:pl-6"
    >
      <h2 id={id} className="text-xl font-semibold tracking-tight text-zinc-950 dark:text-white">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Where customers write: the brand's support address, as a link. */
export function SupportAddress() {
  return <a href={`mailto:${brand.supportEmail}`}>{brand.supportEmail}</a>;
}

/** The marketing site's host name, e.g. for "the website at …". */
export const siteHost = new URL(brand.url).host;
