import { Fragment } from "react";

const urlPattern = /(https?:\/\/[^\s<>"')\]]+)/g;

/**
 * Plain text with its http(s) links as anchors. React escapes the text, and only
 * http(s) URLs ever become an `href`, so message content cannot inject markup or
 * script links into the page.
 */
export function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(urlPattern);
  return (
    <>
      {parts.map((part, index) =>
        // split() with a capture group puts the matches at odd indexes.
        index % 2 === 1 ? (
          <a
            key={index}
            href={part}
            className="break-all text-blue-700 underline underline-offset-2 hover:text-blue-900 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-blue-400 dark:hover:text-blue-300"
          >
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
