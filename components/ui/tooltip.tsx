/**
 * A small tooltip shown on hover and on keyboard focus of its trigger. CSS only, so it works in server components;
 * display: none until then, so a hidden tooltip never widens the page. The trigger must be focusable.
 */
type Props = { content: React.ReactNode; children: React.ReactNode; id?: string; className?: string };

export function Tooltip({ content, children, id, className = "" }: Props) {
  return (
    <span className={`group/tip relative inline-flex min-w-0 max-w-full ${className}`}>
      {children}
      <span
        id={id}
        role="tooltip"
        className="pointer-events-none absolute bottom-full left-0 z-30 mb-1 hidden w-max max-w-[min(20rem,80vw)] whitespace-normal break-words rounded-md bg-slate-900 px-2 py-1 text-xs font-normal text-slate-50 shadow-lg group-focus-within/tip:block group-hover/tip:block"
      >
        {content}
      </span>
    </span>
  );
}
