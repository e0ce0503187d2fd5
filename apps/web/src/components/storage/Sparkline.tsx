/**
 * A tiny line chart in inline SVG (no chart library): values 0..1 left to right, gaps where a
 * value is null. Decorative to screen readers, which get `label` instead.
 */
export function Sparkline({
  values,
  label,
  width = 240,
  height = 48,
  min = 0,
  max = 1,
}: {
  values: readonly (number | null)[];
  label: string;
  width?: number;
  height?: number;
  min?: number;
  max?: number;
}) {
  const n = values.length;
  const x = (i: number) => (n <= 1 ? width : (i / (n - 1)) * width);
  const y = (v: number) => {
    const t = max === min ? 0.5 : (Math.min(max, Math.max(min, v)) - min) / (max - min);
    return height - 2 - t * (height - 4);
  };
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  let lastIndex = -1;
  for (let i = n - 1; i >= 0; i -= 1) {
    if (values[i] !== null && values[i] !== undefined) {
      lastIndex = i;
      break;
    }
  }
  const last = lastIndex >= 0 ? values[lastIndex] : null;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      className="max-w-full overflow-visible text-accent"
    >
      <line x1={0} x2={width} y1={height - 1} y2={height - 1} className="stroke-line" strokeWidth={1} />
      {d ? <path d={d} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" /> : null}
      {last !== null && last !== undefined ? (
        <circle cx={x(lastIndex)} cy={y(last)} r={2.5} fill="currentColor" />
      ) : null}
    </svg>
  );
}
