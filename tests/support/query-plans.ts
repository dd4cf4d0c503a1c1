import pg from "pg";

/**
 * Records every statement the app's clients send while `capture` runs, with the plan
 * PostgreSQL makes for it on the same connection, in the same transaction (so under the same
 * role and row-level security settings), with sequential scans switched off: a scan that still
 * reads the whole table has no index to use. Statements that functions run (keel_enter_member)
 * are recorded too, with the plans they ran with, through auto_explain.
 */
export type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
};

export type PlannedStatement = { text: string; plan: PlanNode | null; error?: string };

const explainable = /^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b[\s\S]*\b(FROM|INTO|UPDATE)\b/i;

// Loaded as the connecting user, before any transaction switches the role: only a superuser
// may. Plans come back as notices on the same connection.
const NESTED_PLANS = [
  "LOAD 'auto_explain'",
  "SET auto_explain.log_min_duration = 0",
  "SET auto_explain.log_nested_statements = on",
  "SET auto_explain.log_level = notice",
  "SET auto_explain.log_format = json",
].join("; ");

/**
 * Installs the recorder on pg's Client: call it before creating the clients to watch, since
 * lib/db/create-client.ts binds the query method when it builds its client class.
 */
export function planRecorder() {
  let planned: PlannedStatement[] | null = null;
  const original = pg.Client.prototype.query as (...args: unknown[]) => Promise<unknown>;
  const originalConnect = pg.Client.prototype.connect as unknown as () => Promise<void>;
  const lastStatement = new WeakMap<pg.Client, string>();

  // auto_explain reports every statement the executor ran; those the app sent are planned
  // below already, so only the ones run inside them are kept.
  const watchNested = async (client: pg.Client) => {
    await original.call(client, NESTED_PLANS);
    client.on("notice", (notice: { message?: string }) => {
      const json = notice.message?.match(/plan:\s*(\{[\s\S]*\})\s*$/)?.[1];
      if (!planned || !json) return;
      const { "Query Text": text, Plan: plan } = JSON.parse(json) as {
        "Query Text": string;
        Plan: PlanNode;
      };
      // The statement itself, or the recorder's EXPLAIN of it.
      const last = lastStatement.get(client)?.trim();
      if (last && text.trim().endsWith(last)) return;
      planned.push({ text: `(inside a function) ${text}`, plan });
    });
  };
  pg.Client.prototype.connect = function (this: pg.Client, callback?: (error?: Error) => void) {
    const ready = originalConnect.call(this).then(() => watchNested(this));
    if (!callback) return ready;
    ready.then(() => callback(), callback);
    return undefined;
  } as typeof pg.Client.prototype.connect;

  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args as [unknown, unknown];
    const text = queryText(config);
    const params =
      typeof config === "object" && config && "values" in config
        ? (config as { values?: unknown[] }).values
        : values;
    const into = planned;
    if (text !== null) lastStatement.set(this, text);
    if (!into || text === null || !explainable.test(text)) return original.apply(this, args);
    const explain = async () => {
      try {
        await original.call(this, "SET enable_seqscan = off");
        const result = (await original.call(this, {
          text: `EXPLAIN (FORMAT JSON) ${text}`,
          values: Array.isArray(params) ? params : [],
        })) as { rows: { "QUERY PLAN": [{ Plan: PlanNode }] }[] };
        into.push({ text, plan: result.rows[0]!["QUERY PLAN"][0].Plan });
      } catch (error) {
        into.push({ text, plan: null, error: String(error) });
      }
    };
    // Callers with a callback (pg.Pool) get it called by the original; the promise is ignored.
    return explain().then(() => original.apply(this, args));
  } as typeof pg.Client.prototype.query;

  return {
    async capture(work: () => Promise<unknown>): Promise<PlannedStatement[]> {
      const statements: PlannedStatement[] = [];
      planned = statements;
      try {
        await work();
        // Shared transactions commit a loop turn after their last read.
        await new Promise((resolve) => setTimeout(resolve, 20));
      } finally {
        planned = null;
      }
      return statements;
    },
    uninstall() {
      pg.Client.prototype.query = original as typeof pg.Client.prototype.query;
      pg.Client.prototype.connect =
        originalConnect as unknown as typeof pg.Client.prototype.connect;
    },
  };
}

/** The SQL of a pg `query` call's first argument: a string or a config with `text`. */
export function queryText(config: unknown): string | null {
  if (typeof config === "string") return config;
  if (typeof config === "object" && config && "text" in config) {
    return (config as { text: string }).text;
  }
  return null;
}

export function scans(node: PlanNode): PlanNode[] {
  const own = node["Relation Name"] || node["Index Name"] ? [node] : [];
  return [...own, ...(node.Plans ?? []).flatMap(scans)];
}

export type IndexInfo = { table: string; firstColumn: string; primary: boolean };

export async function indexesOf(url: string): Promise<Map<string, IndexInfo>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string } & IndexInfo>(
      `SELECT c.relname AS name, t.relname AS "table", a.attname AS "firstColumn",
              i.indisprimary AS "primary"
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]`,
    );
    return new Map(rows.map(({ name, ...info }) => [name, info]));
  } finally {
    await client.end();
  }
}
