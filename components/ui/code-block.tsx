/** A block of code (a command, a JSON answer) with a copy button; labelled by its `title` heading. */
import { CopyButton } from "./copy-button";

export function CodeBlock({ id, title, code }: { id: string; title: string; code: string }) {
  return (
    <div className="mt-3">
      <div className="flex items-center justify-between gap-2">
        <h3 id={id} className="text-xs font-semibold uppercase tracking-wide text-slate-600">
          {title}
        </h3>
        <CopyButton text={code} label={`Copy ${title.toLowerCase()}`} />
      </div>
      <pre aria-labelledby={id} className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100" tabIndex={0}>
        <code>{code}</code>
      </pre>
    </div>
  );
}
