import type { BriefChanges } from '../../../shared/brief';

/** What changed since the brief was sent: fields side by side, then lines of text. */
export function BriefChangesView({ changes, version }: { changes: BriefChanges; version: number }) {
  return (
    <section className="brief-changes" aria-label={`Changes since v${version}`}>
      <h3>Changed since v{version} was sent</h3>
      {changes.fields.length > 0 && (
        <table className="brief-changes-table">
          <thead>
            <tr>
              <th>Field</th>
              <th>In v{version}</th>
              <th>Now</th>
            </tr>
          </thead>
          <tbody>
            {changes.fields.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.label}</th>
                <td className="brief-del">{c.before || '—'}</td>
                <td className="brief-ins">{c.after || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {changes.body.length > 0 && (
        <div className="brief-changes-text">
          <h4>Creative direction</h4>
          <ul>
            {changes.body.map((l, i) => (
              <li key={i} className={l.kind === 'added' ? 'brief-ins' : 'brief-del'}>
                <span aria-label={l.kind === 'added' ? 'Added' : 'Removed'}>
                  {l.kind === 'added' ? '+' : '−'}
                </span>{' '}
                {l.text || '(empty line)'}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
