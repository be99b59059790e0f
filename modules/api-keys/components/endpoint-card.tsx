/** One endpoint of the API reference: method, path, summary, a curl example and its responses. */
type Props = {
  method: string;
  path: string;
  summary: string;
  responses: Record<string, { description: string }>;
  curl: string;
  children?: React.ReactNode;
};

export function EndpointCard({ method, path, summary, responses, curl, children }: Props) {
  return (
    <section aria-labelledby={`${method}-${path}`} className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id={`${method}-${path}`} className="flex items-center gap-2 font-mono text-sm">
        <span className="rounded bg-brand-50 px-2 py-0.5 font-semibold text-brand-700">{method}</span>
        {path}
      </h2>
      <p className="mt-2 text-sm text-slate-700">{summary}</p>
      {children}
      <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">Example</h3>
      <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100" aria-label={`curl example for ${path}`}>
        <code>{curl}</code>
      </pre>
      <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">Responses</h3>
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
