// Durations as people read them, the same in terminal summaries, JUnit bodies and report.html.

// "250 ms", "7.1 s", "3 m 20 s", "1 h 2 m"; null (nothing measured) is "—". Below 1 s whole ms,
// below a minute seconds with at most one decimal, then whole units.
export function formatMs(ms: number | null): string {
  if (ms === null) return '—';
  if (Math.abs(ms) < 1000) return `${Math.round(ms)} ms`;
  const tenths = Math.round(ms / 100) / 10;
  if (Math.abs(tenths) < 60) return `${tenths} s`;
  const sign = ms < 0 ? '-' : '';
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 3600) return `${sign}${Math.floor(s / 60)} m${s % 60 ? ` ${s % 60} s` : ''}`;
  const m = Math.round(s / 60);
  return `${sign}${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} m` : ''}`;
}
