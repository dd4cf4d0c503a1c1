import { FeatureIcon } from "./feature-icon";
import { features } from "./features";

export function FeaturesSection() {
  return (
    <section id="features" aria-labelledby="features-title" className="py-16 sm:py-32">
      <div className="mx-auto max-w-6xl px-5 sm:px-6 lg:px-8">
        <div className="max-w-3xl">
          <p className="text-sm font-semibold text-brand-700 dark:text-brand-300">
            What’s in the box
          </p>
          <h2
            id="features-title"
            className="mt-3 text-3xl font-semibold tracking-tight text-balance text-zinc-950 sm:text-4xl dark:text-white"
          >
            Everything between <span className="whitespace-nowrap">sign-up</span> and the first
            invoice
          </h2>
          <p className="mt-4 text-lg leading-8 text-pretty text-zinc-600 dark:text-zinc-400">
            Each piece ships working, wired together and tested, so your first weeks go to your
            product instead of its plumbing.
          </p>
        </div>

        <ul className="mt-10 grid gap-px sm:mt-14 overflow-hidden rounded-2xl border border-zinc-200 bg-zinc-200 sm:grid-cols-2 lg:grid-cols-3 dark:border-zinc-800 dark:bg-zinc-800">
          {features.map((feature) => (
            <li
              key={feature.title}
              className="grid grid-cols-[auto_1fr] items-start gap-x-4 bg-white p-5 sm:flex sm:flex-col sm:p-7 dark:bg-zinc-950"
            >
              <span className="row-span-2 flex size-10 items-center justify-center rounded-lg bg-brand-50 text-brand-700 ring-1 ring-brand-100 dark:bg-brand-950 dark:text-brand-300 dark:ring-brand-900">
                <FeatureIcon name={feature.icon} className="size-5" />
              </span>
              <h3 className="text-base sm:mt-5 font-semibold text-zinc-950 dark:text-white">
                {feature.title}
              </h3>
              <p className="col-start-2 mt-1 flex-1 text-sm sm:mt-2 leading-6 text-zinc-600 dark:text-zinc-400">
                {feature.description}
              </p>
              <p className="mt-5 hidden font-mono text-xs text-zinc-500 sm:block dark:text-zinc-400">
                {feature.detail}
              </p>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
