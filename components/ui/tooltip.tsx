/**
 * A small tooltip shown on hover and on keyboard focus of its trigger (CSS only, so it works in server
 * components). The trigger must be focusable; the text is also in the accessibility tree as role="tooltip".
 */
type Props = { content: React.ReactNode; children: React.ReactNode; id?: string; className?: string };

export function Tooltip({ content, children, id, className = "" }: Props) {
  return (
    <span className={`group/tip relative inline-flex min-w-0 max-w-full ${className}`}>
      {children}
      <span
        id={id}
        role="tooltip"
        className="pointer-events-none invisible absolute bottom-full left-0 z-30 mb-1 w-max max-w-xs whitespace-normal break-words rounded-md bg-slate-900 px-2 py-1 text-xs font-normal text-slate-50 shadow-lg group-focus-within/tip:visible group-hover/tip:visible"
      >
        {content}
      </span>
    </span>
  );
}
