/** One endpoint of the API reference: method, path, what it does, curl examples, example answers and statuses. */
import { CodeBlock } from "@/components/ui/code-block";

type Props = {
  method: string;
  path: string;
  summary: string;
  description: string;
  responses: Record<string, { description: string }>;
  examples: { title: string; code: string }[];
  children?: React.ReactNode;
};

export function EndpointCard({ method, path, summary, description, responses, examples, children }: Props) {
  const slug = `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-");
  return (
    <section aria-labelledby={slug} className="rounded-lg border border-slate-200 bg-surface p-5">
      <h2 id={slug} className="flex flex-wrap items-center gap-2 font-mono text-sm">
        <span className="rounded bg-brand-50 px-2 py-0.5 font-semibold text-brand-700">{method}</span>
        {path}
      </h2>
      <p className="mt-2 text-sm font-medium text-slate-800">{summary}</p>
      <p className="mt-1 text-sm text-slate-700">{description}</p>
      {children}
      {examples.map((e, i) => (
        <CodeBlock key={e.title} id={`${slug}-example-${i}`} title={e.title} code={e.code} />
      ))}
      <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-600">Statuses</h3>
      <dl className="mt-1 grid grid-cols-[4rem_1fr] gap-x-2 gap-y-1 text-sm">
        {Object.entries(responses).map(([status, r]) => (
          <div key={status} className="contents">
            <dt className="font-mono">{status}</dt>
            <dd className="text-slate-700">{r.description}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
