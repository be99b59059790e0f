/**
 * A 30-day bar sparkline that fits in a one-line row; the numbers are its accessible name and tooltip. The bars
 * are drawn as two paths (days with and without use) rather than one element per day.
 */
export function UsageChart({ series }: { series: number[] }) {
  const total = series.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...series);
  const label = `${total} request${total === 1 ? "" : "s"} in the last ${series.length} days`;
  let used = "";
  let unused = "";
  series.forEach((n, i) => {
    const h = n === 0 ? 1 : Math.max(2, Math.round((n / max) * 14));
    const bar = `M${i * 3} ${14 - h}h2v${h}h-2z`;
    if (n === 0) unused += bar;
    else used += bar;
  });
  return (
    <span role="img" aria-label={label} title={label} className="inline-flex shrink-0 align-middle text-brand-600">
      <svg width={series.length * 2} height="14" preserveAspectRatio="none" viewBox={`0 0 ${series.length * 3} 14`} aria-hidden>
        {unused ? <path d={unused} fill="currentColor" opacity={0.3} /> : null}
        {used ? <path d={used} fill="currentColor" /> : null}
      </svg>
    </span>
  );
}
