// For the Content-Security-Policy. Pure: the proxy imports it.
export function storageOrigin(options: {
  endpoint?: string | undefined;
  bucket?: string | undefined;
  region: string;
}): string | undefined {
  if (!options.bucket) return undefined;
  if (options.endpoint) return new URL(options.endpoint).origin;
  return `https://${options.bucket}.s3.${options.region}.amazonaws.com`;
}
