// The parts of @20minutes/s3rver (an S3 API server in Node, untyped) that local-s3.ts uses.
declare module "@20minutes/s3rver" {
  import type { Server } from "node:http";
  type Middleware = (ctx: unknown, next: () => Promise<void>) => Promise<void>;
  export default class S3rver {
    constructor(options: {
      address?: string;
      port?: number;
      silent?: boolean;
      directory?: string;
      resetOnClose?: boolean;
      vhostBuckets?: boolean;
      allowMismatchedSignatures?: boolean;
      configureBuckets?: { name: string; configs?: string[] }[];
    });
    middleware: Middleware[];
    httpServer?: Server;
    run(): Promise<{ port: number; address: string }>;
    close(): Promise<void>;
  }
}
