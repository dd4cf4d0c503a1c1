import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Database = PrismaClient;

/**
 * Builds a Prisma client over node-postgres. No native query engine is involved,
 * so the same code runs on serverless hosts, in tests and against the embedded database.
 */
export function createDatabaseClient(connectionString: string, poolSize = 10): Database {
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  return new PrismaClient({ adapter });
}
