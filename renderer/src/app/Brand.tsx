/** The app's mark and name in the top bar. */
export function Brand() {
  return (
    <div className="brand" aria-label="Cadence">
      <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
        <rect x="2" y="4" width="5" height="16" rx="1.5" fill="var(--accent)" />
        <rect x="9.5" y="4" width="5" height="11" rx="1.5" fill="var(--accent)" opacity="0.7" />
        <rect x="17" y="4" width="5" height="7" rx="1.5" fill="var(--accent)" opacity="0.45" />
      </svg>
      <span className="brand-name">Cadence</span>
    </div>
  );
}
