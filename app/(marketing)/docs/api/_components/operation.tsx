import { Section } from "@/components/ui/section";
import type { OpenApiDocument } from "@/lib/api/openapi/document";
import {
  curlExample,
  fieldsOf,
  schemaName,
  typeOf,
  type ReferenceOperation,
} from "@/lib/api/openapi/reference";
import { Code, Fields, Prose } from "./fields";

const methodTones: Record<string, string> = {
  GET: "bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100",
  POST: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100",
  PATCH: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100",
  DELETE: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100",
};

function Heading({ children }: { children: string }) {
  return <h3 className="text-sm font-semibold text-zinc-950 dark:text-white">{children}</h3>;
}

export function Operation({
  document,
  entry,
}: {
  document: OpenApiDocument;
  entry: ReferenceOperation;
}) {
  const { method, path, operation, parameters } = entry;
  const body = operation.requestBody?.content["application/json"]?.schema;
  const successes = Object.entries(operation.responses).filter(([status]) => status < "300");
  const problems = Object.keys(operation.responses).filter((status) => status >= "400");
  return (
    <Section
      id={operation.operationId}
      title={
        <span className="flex flex-wrap items-center gap-3">
          <span className={`rounded-md px-2 py-0.5 font-mono text-xs ${methodTones[method] ?? ""}`}>
            {method}
          </span>
          <code className="font-mono text-base">{path}</code>
          <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">
            {operation.summary}
          </span>
        </span>
      }
      description={<Prose text={operation.description} />}
    >
      {parameters.length > 0 ? (
        <div className="grid gap-2">
          <Heading>Parameters</Heading>
          <Fields
            caption={`Parameters of ${method} ${path}`}
            rows={parameters.map((parameter) => ({
              name: `${parameter.name} (${parameter.in})`,
              type: typeOf(parameter.schema),
              required: parameter.required,
              ...(parameter.description ? { description: parameter.description } : {}),
            }))}
          />
        </div>
      ) : null}
      {body ? (
        <div className="grid gap-2">
          <Heading>{`Request body: ${schemaName(body) ?? "JSON"}`}</Heading>
          <Fields caption={`Body of ${method} ${path}`} rows={fieldsOf(document, body)} />
        </div>
      ) : null}
      {successes.map(([status, response]) => {
        const schema = response.content?.["application/json"]?.schema;
        return (
          <div key={status} className="grid gap-2">
            <Heading>
              {`${status}: ${response.description}${schema ? ` ${schemaName(schema) ?? ""}` : ""}`}
            </Heading>
            {schema ? (
              <Fields
                caption={`${status} answer of ${method} ${path}`}
                rows={fieldsOf(document, schema)}
              />
            ) : null}
          </div>
        );
      })}
      {problems.length > 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Errors (
          <a href="#errors" className="underline underline-offset-4">
            problem+json
          </a>
          ): {problems.join(", ")}
        </p>
      ) : null}
      <Code label={`curl example for ${method} ${path}`}>{curlExample(entry)}</Code>
    </Section>
  );
}
