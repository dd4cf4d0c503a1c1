/**
 * A round picture of a person or an organization, or their initials when there is none.
 * `src` is a short-lived signed link (lib/storage): plain <img>, since the image optimizer
 * would cache a link that expires. Decorative next to the name it belongs to, so alt="".
 */
export function Avatar({
  name,
  src,
  size = "md",
  shape = "circle",
}: {
  name: string;
  src?: string | null;
  size?: "sm" | "md" | "lg";
  shape?: "circle" | "square";
}) {
  const dimension = { sm: "size-6 text-[10px]", md: "size-8 text-xs", lg: "size-16 text-lg" }[size];
  const rounded = shape === "circle" ? "rounded-full" : "rounded-lg";
  if (src) {
    return (
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={src}
        alt=""
        className={`${dimension} ${rounded} shrink-0 bg-zinc-100 object-cover dark:bg-zinc-800`}
      />
    );
  }
  const initials =
    name
      .split(/[\s@._-]+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part.charAt(0).toUpperCase())
      .join("") || "?";
  return (
    <span
      aria-hidden="true"
      className={`${dimension} ${rounded} inline-flex shrink-0 items-center justify-center bg-zinc-200 font-medium text-zinc-700 dark:bg-zinc-700 dark:text-zinc-100`}
    >
      {initials}
    </span>
  );
}
