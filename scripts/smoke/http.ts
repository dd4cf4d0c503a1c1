import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";

export type SmokeResponse = {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
};

export type RequestOptions = {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Connect to this address instead of resolving the host name (Host and TLS name unchanged). */
  resolve?: string;
};

// Enough for any page's head and first screen; the checks look for nothing further down.
const MAX_BODY_BYTES = 512 * 1024;

// `*.localhost` is loopback by definition (RFC 6761), as browsers treat it; the system resolver
// may not know it.
function addressFor(hostname: string, resolve: string | undefined): string | undefined {
  if (resolve) return resolve;
  const name = hostname.toLowerCase();
  if (name === "localhost" || name.endsWith(".localhost")) return "127.0.0.1";
  return undefined;
}

/**
 * One request with node:http(s), bounded by `timeoutMs` from start to last byte. Redirects are not
 * followed: a check sees what the server answered. Fails (rejects) on no answer in time.
 */
export function request(url: URL, options: RequestOptions): Promise<SmokeResponse> {
  const address = addressFor(url.hostname, options.resolve);
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method: options.method ?? "GET",
        headers: { "user-agent": "post-deploy-smoke", ...options.headers },
        signal: AbortSignal.timeout(options.timeoutMs),
        ...(address ? { lookup: fixedLookup(address) } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < MAX_BODY_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () => {
          const headers: Record<string, string | undefined> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            headers[name] = Array.isArray(value) ? value.join(", ") : value;
          }
          resolve({
            status: res.statusCode ?? 0,
            headers,
            body: Buffer.concat(chunks).toString("utf8"),
          });
        });
        res.on("error", reject);
      },
    );
    req.on("error", (error) => {
      reject(
        error.name === "AbortError" || error.name === "TimeoutError"
          ? new Error(`no answer within ${options.timeoutMs} ms`)
          : error,
      );
    });
    req.end(options.body);
  });
}

type LookupAddress = { address: string; family: number };

// Node asks for every address (`all`) when it may try several families; answer in either form.
function fixedLookup(address: string) {
  const family = isIP(address) === 6 ? 6 : 4;
  return (
    _host: string,
    options: { all?: boolean },
    done: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    if (options.all) done(null, [{ address, family }]);
    else done(null, address, family);
  };
}
