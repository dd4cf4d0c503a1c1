export type ProjectCursor = { createdAt: Date; id: string };

const shape = /^(\d{1,15})\.([a-z0-9]{1,64})$/;

export function encodeCursor(cursor: ProjectCursor): string {
  return `${cursor.createdAt.getTime()}.${cursor.id}`;
}

export function decodeCursor(value: unknown): ProjectCursor | undefined {
  if (typeof value !== "string") return undefined;
  const match = shape.exec(value);
  if (!match) return undefined;
  const createdAt = new Date(Number(match[1]));
  if (Number.isNaN(createdAt.getTime())) return undefined;
  return { createdAt, id: match[2] ?? "" };
}
