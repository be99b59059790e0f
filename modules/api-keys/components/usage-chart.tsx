/** A 30-day bar sparkline; the numbers are in the accessible name and the tooltip. */
export function UsageChart({ series }: { series: number[] }) {
  const total = series.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...series);
  const label = `${total} request${total === 1 ? "" : "s"} in the last ${series.length} days`;
  return (
    <figure className="mt-1" aria-label={label} role="img">
      <svg width={series.length * 3} height="16" viewBox={`0 0 ${series.length * 3} 16`} aria-hidden className="text-brand-600">
        <title>{label}</title>
        {series.map((n, i) => {
          const h = n === 0 ? 1 : Math.max(2, Math.round((n / max) * 16));
          return <rect key={i} x={i * 3} y={16 - h} width="2" height={h} fill="currentColor" opacity={n === 0 ? 0.25 : 1} />;
        })}
      </svg>
      <figcaption className="text-[11px] text-slate-500">{label}</figcaption>
    </figure>
  );
}
