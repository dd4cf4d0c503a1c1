type LogoMarkProps = {
  className?: string;
};

// Same drawing as public/favicon.svg.
export function LogoMark({ className }: LogoMarkProps) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={className}>
      <rect width="32" height="32" rx="8" className="fill-brand-600 dark:fill-brand-400" />
      <g transform="translate(0 -3.5)" className="fill-white dark:fill-brand-950">
        <path d="M4.5 13h23.5c-1.4 2.9-3.3 5-6.5 5H9.5C7 18 5.3 16.2 4.5 13z" />
        <path d="M14 17.5h5.2l-1.9 8.2c-.1.4-.5.8-1 .8h-.9z" />
      </g>
    </svg>
  );
}
