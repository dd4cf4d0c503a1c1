import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { openApiDocument } from "@/lib/api/openapi/document";
import { fieldsOf, operationsOf } from "@/lib/api/openapi/reference";
import { Code, Fields, Prose } from "./_components/fields";
import { Operation } from "./_components/operation";

export const metadata: Metadata = {
  title: "API reference",
  description:
    "The /api/v1 JSON API: authentication, errors, idempotency, rate limits, operations.",
};

const setup = `export KEEL_URL="https://acme.example.com"   # your app's URL
export KEEL_API_KEY="keel_live_…"               # Settings → API keys`;

/** Rendered from the OpenAPI document at build time: the page and /api/v1/openapi.json agree. */
export default function ApiReferencePage() {
  const document = openApiDocument();
  const operations = operationsOf(document);
  const problem = document.components.schemas.Problem;
  return (
    <div className="mx-auto grid w-full max-w-5xl gap-8 px-5 py-14 sm:px-6 lg:px-8">
      <PageHeader
        size="lg"
        title="API reference"
        description={
          <>
            <Prose text={document.info.description} /> The machine-readable document is at{" "}
            <a href="/api/v1/openapi.json" className="font-mono underline underline-offset-4">
              /api/v1/openapi.json
            </a>{" "}
            (OpenAPI {document.openapi}).
          </>
        }
      />

      <nav aria-label="Operations" className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {operations.map(({ method, path, operation }) => (
          <Link
            key={operation.operationId}
            href={`#${operation.operationId}`}
            className="underline-offset-4 hover:underline"
          >
            <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{method}</span>{" "}
            {path}
          </Link>
        ))}
      </nav>

      <Section
        id="authentication"
        title="Authentication"
        description="Create a key in your organization under Settings → API keys (owners and admins) and choose its scopes. Send it on every call; cookies are never read, and any origin may call with a key."
      >
        <Code label="Environment for the examples">{setup}</Code>
      </Section>

      <Section
        id="errors"
        title="Errors"
        description="Every error is RFC 9457 application/problem+json with a stable code; quote requestId (also in the X-Request-Id header of every answer) when asking for help."
      >
        {problem ? <Fields caption="Problem details" rows={fieldsOf(document, problem)} /> : null}
      </Section>

      <Section
        id="retries"
        title="Idempotency and rate limits"
        description="Send an Idempotency-Key with a POST to retry it safely: the same key and body within 24 hours replays the first answer (with Idempotency-Replayed: true) and creates nothing; the same key with another body is refused with 422. Each key and each organization have a rate limit: RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset say where you stand, and a 429 carries Retry-After."
      >
        {null}
      </Section>

      {operations.map((entry) => (
        <Operation key={entry.operation.operationId} document={document} entry={entry} />
      ))}
    </div>
  );
}
