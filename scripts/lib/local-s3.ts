import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import S3rver from "@20minutes/s3rver";
import { checkPostPolicy } from "./post-policy";

/**
 * The local S3 of `npm run dev`, the end-to-end suite and the integration tests: s3rver (an
 * S3 API server in Node) on loopback, with the bucket created and its CORS set so pages of
 * the app and of every organization's subdomain can upload to it and read from it. s3rver
 * ignores browser-upload policies; `checkPostPolicy` checks them first, as S3 does. A loopback
 * development stand-in: production refuses it (lib/env, KEEL_LOCAL_S3).
 */

export const LOCAL_S3_BUCKET = "uploads";
// s3rver's built-in account.
const ACCESS_KEY_ID = "S3RVER";
const SECRET_ACCESS_KEY = "S3RVER";

// Beyond any limit of the app: bodies are held in memory while the policy is checked.
const MAX_FORM_BYTES = 64 * 1024 * 1024;

export type LocalS3 = {
  url: string;
  port: number;
  /** What the app needs in its environment to use it. */
  env: {
    S3_ENDPOINT: string;
    S3_BUCKET: string;
    S3_ACCESS_KEY_ID: string;
    S3_SECRET_ACCESS_KEY: string;
    S3_REGION: string;
    KEEL_LOCAL_S3: "1";
  };
  stop(): Promise<void>;
};

function corsXml(origins: readonly string[]): string {
  const allowed = origins.map((origin) => `<AllowedOrigin>${origin}</AllowedOrigin>`).join("");
  return (
    `<CORSConfiguration><CORSRule>${allowed}` +
    "<AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod>" +
    "<AllowedMethod>POST</AllowedMethod><AllowedHeader>*</AllowedHeader>" +
    "<ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>600</MaxAgeSeconds>" +
    "</CORSRule></CORSConfiguration>"
  );
}

/** The origins of an app at `appUrl`: its own, and its organizations' subdomains. */
export function appOrigins(appUrl: string): string[] {
  const url = new URL(appUrl);
  return [url.origin, `${url.protocol}//*.${url.host}`];
}

type KoaContext = {
  method: string;
  path: string;
  req: IncomingMessage;
  request: { req: IncomingMessage };
  get(name: string): string;
  set(name: string, value: string): void;
  status: number;
  type: string;
  body: unknown;
};

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function errorXml(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message.replace(/[<&]/g, "")}</Message></Error>`;
}

const signed = (ctx: KoaContext, query: URLSearchParams) =>
  Boolean(ctx.get("authorization")) || query.has("X-Amz-Signature") || query.has("Signature");

/**
 * A private bucket, as the app's buckets are: s3rver serves any object to anyone, so an
 * unsigned request other than a browser upload (signed in its form) or a CORS preflight is
 * refused here, the way S3 refuses it.
 */
function refuseAnonymous() {
  return async (raw: unknown, next: () => Promise<void>) => {
    const ctx = raw as KoaContext & { url: string };
    const query = new URL(ctx.url, "http://local-s3").searchParams;
    const upload =
      ctx.method === "POST" && ctx.get("content-type").startsWith("multipart/form-data");
    if (ctx.method === "OPTIONS" || upload || signed(ctx, query)) return next();
    ctx.status = 403;
    ctx.type = "application/xml";
    ctx.body = errorXml("AccessDenied", "Access Denied");
  };
}

function enforcePostPolicy(bucket: string, origins: readonly RegExp[]) {
  return async (raw: unknown, next: () => Promise<void>) => {
    const ctx = raw as KoaContext;
    const isUpload =
      ctx.method === "POST" &&
      ctx.path === `/${bucket}` &&
      ctx.get("content-type").startsWith("multipart/form-data");
    if (!isUpload) return next();
    const refuse = (status: number, code: string, message: string) => {
      const origin = ctx.get("origin");
      // Readable by the page that sent it, as S3 answers with the bucket's CORS rules.
      if (origin && origins.some((pattern) => pattern.test(origin)))
        ctx.set("Access-Control-Allow-Origin", origin);
      ctx.status = status;
      ctx.type = "application/xml";
      ctx.body = errorXml(code, message);
    };
    const body = await readBody(ctx.req);
    if (!body) return refuse(400, "EntityTooLarge", "Your proposed upload is too large.");
    let form: FormData;
    try {
      form = await new Request("http://local-s3/", {
        method: "POST",
        headers: { "content-type": ctx.get("content-type") },
        body: new Uint8Array(body),
      }).formData();
    } catch {
      return refuse(
        400,
        "MalformedPOSTRequest",
        "The body of your POST request is not well-formed.",
      );
    }
    const fields = new Map<string, string>();
    let fileSize = -1;
    for (const [name, value] of form.entries()) {
      if (name === "file" && typeof value !== "string") fileSize = value.size;
      else if (typeof value === "string") fields.set(name.toLowerCase(), value);
    }
    if (fileSize < 0)
      return refuse(400, "InvalidArgument", "POST requires exactly one file upload per request.");
    const verdict = checkPostPolicy({
      bucket,
      fields,
      fileSize,
      secrets: new Map([[ACCESS_KEY_ID, SECRET_ACCESS_KEY]]),
    });
    if (!verdict.ok) return refuse(verdict.status, verdict.code, verdict.message);
    // s3rver reads the same bytes again.
    const { headers, url, method, httpVersion, socket } = ctx.req;
    const replay = Object.assign(Readable.from([body]), {
      headers,
      url,
      method,
      httpVersion,
      socket,
    });
    ctx.req = replay as unknown as IncomingMessage;
    ctx.request.req = ctx.req;
    return next();
  };
}

const wildcard = (origin: string) =>
  new RegExp(`^${origin.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace("*", "[^/]+")}$`);

export async function startLocalS3(options: {
  port: number;
  directory: string;
  allowedOrigins: readonly string[];
}): Promise<LocalS3> {
  const start = async (port: number) => {
    const server = new S3rver({
      address: "127.0.0.1",
      port,
      silent: process.env.S3_DEBUG !== "1",
      directory: options.directory,
      vhostBuckets: false,
      // s3rver signs bucket-level paths ("/uploads/?list-type=2") without their trailing slash,
      // so the SDK's correct signatures of listings fail there. The local server therefore
      // checks that a request is signed with its key, not the signature itself; POST policies
      // are checked in full (above), and a real bucket checks everything.
      allowMismatchedSignatures: true,
      configureBuckets: [{ name: LOCAL_S3_BUCKET, configs: [corsXml(options.allowedOrigins)] }],
    });
    server.middleware.unshift(
      refuseAnonymous(),
      enforcePostPolicy(LOCAL_S3_BUCKET, options.allowedOrigins.map(wildcard)),
    );
    const address = await server.run();
    return { server, port: address.port };
  };
  const { server, port } = await start(options.port).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EADDRINUSE") throw error;
    return start(0);
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    env: {
      S3_ENDPOINT: url,
      S3_BUCKET: LOCAL_S3_BUCKET,
      S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
      S3_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
      S3_REGION: "us-east-1",
      KEEL_LOCAL_S3: "1",
    },
    async stop() {
      server.httpServer?.closeAllConnections();
      await server.close().catch(() => undefined);
    },
  };
}
