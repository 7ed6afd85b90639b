import { Fragment, type CSSProperties, type ReactNode } from 'react';
import type { Block, BriefPrintModel, Inline, PrintRow } from '../../../../shared/brief';
import { SHOT_COLUMNS } from '../shots/columns';

/** The brief as a creator receives it: print-ready HTML from the print model, no app chrome. */
export function BriefPrint({ model }: { model: BriefPrintModel }) {
  const m = model;
  return (
    <article className="bp" lang="en">
      <header className="bp-head">
        <div className="bp-brandline">
          <span className="bp-brand">{m.header.brand}</span>
          <span className="bp-meta">
            Creator brief · v{m.header.version} · issued {m.header.issued}
          </span>
        </div>
        <h1 className="bp-title">{m.header.dropTitle}</h1>
        <p className="bp-for">
          {/* Said in words until known: it read "For Creator to be confirmed". */}
          <span>{m.header.creator ? `For ${m.header.creator}` : 'Creator to be confirmed'}</span>
          {m.header.handles.map((h) => (
            <span key={h} className="bp-handle">
              {h}
            </span>
          ))}
        </p>
        <p className="bp-launch">
          {m.header.launch ? (
            <>
              Launch <strong>{m.header.launch}</strong>
            </>
          ) : (
            'Launch date to be confirmed'
          )}
        </p>
      </header>

      {m.narrative && (
        <section className="bp-narrative" aria-label="The story">
          <h2 className="bp-kicker">The story</h2>
          <p>{m.narrative}</p>
        </section>
      )}

      {(m.whyCreator || m.goal) && (
        <section className={m.whyCreator && m.goal ? 'bp-two' : 'bp-section'}>
          {m.whyCreator && (
            <div>
              <h2 className="bp-h2">Why you</h2>
              <p className="bp-text">{m.whyCreator}</p>
            </div>
          )}
          {m.goal && (
            <div>
              <h2 className="bp-h2">Goal</h2>
              <p className="bp-text">{m.goal}</p>
            </div>
          )}
        </section>
      )}

      {m.measures.length > 0 && (
        <section className="bp-section bp-keep">
          <h2 className="bp-h2">How we measure success</h2>
          <ul className="bp-measures">
            {m.measures.map((r) => (
              <li key={r.label}>
                <span className="bp-measure-label">{r.label}</span>
                <span className="bp-measure-target">{r.value}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {m.timeline.length > 0 && (
        <section className="bp-section bp-keep">
          <h2 className="bp-h2">Key dates</h2>
          <ol
            className="bp-timeline"
            style={{ gridTemplateColumns: `repeat(${m.timeline.length}, 1fr)` }}
          >
            {m.timeline.map((t) => (
              <li key={t.label} className={t.milestone ? 'bp-stop bp-milestone' : 'bp-stop'}>
                <span className="bp-dot" aria-hidden="true" />
                <span className="bp-stop-label">{t.label}</span>
                <span className="bp-stop-date">{t.date}</span>
                {t.note && <span className="bp-stop-note">{t.note}</span>}
              </li>
            ))}
          </ol>
        </section>
      )}

      {m.shots.length > 0 && (
        <section className="bp-section bp-keep">
          <h2 className="bp-h2">Shot list: the three-shot kit</h2>
          <table className="bp-table">
            <thead>
              <tr>
                {SHOT_COLUMNS.map((c) => (
                  <th key={c}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.shots.map((s, i) => (
                <tr key={i}>
                  <td className="bp-strong">{s.shot}</td>
                  <td>{s.channel}</td>
                  <td>{s.format}</td>
                  <td>{s.length}</td>
                  <td className="bp-nowrap">{s.aspectRatio}</td>
                  <td>{s.notes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section className="bp-two bp-money bp-keep">
        <div className="bp-card">
          <h2 className="bp-h2">Money</h2>
          <Rows rows={m.money} />
        </div>
        <div className="bp-card">
          <h2 className="bp-h2">Tracking</h2>
          <Rows rows={m.tracking.filter((r) => !r.href)} code="Discount code" />
        </div>
        {/* Links get the page's full width, so an address fits on one line. */}
        {m.tracking.some((r) => r.href) && (
          <div className="bp-links">
            <Rows rows={m.tracking.filter((r) => r.href)} />
          </div>
        )}
      </section>

      {(m.dos.length > 0 || m.donts.length > 0) && (
        <section className="bp-two bp-keep">
          <div>
            <h2 className="bp-h2">Must mention</h2>
            <ul className="bp-list bp-dos">
              {m.dos.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          </div>
          <div>
            <h2 className="bp-h2">Please don’t</h2>
            <ul className="bp-list bp-donts">
              {m.donts.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          </div>
        </section>
      )}

      {m.rights.length > 0 && (
        <section className="bp-section bp-keep">
          <h2 className="bp-h2">Disclosure, rights and exclusivity</h2>
          <Rows rows={m.rights} />
        </section>
      )}

      {m.logistics.length > 0 && (
        <section className="bp-section bp-keep">
          <h2 className="bp-h2">Samples, packaging and the pop-up</h2>
          <Rows rows={m.logistics} />
        </section>
      )}

      {m.body.length > 0 && (
        <section className="bp-section bp-body">
          <h2 className="bp-h2">Creative direction</h2>
          <Blocks blocks={m.body} />
        </section>
      )}

      {m.contacts.length > 0 && (
        <section className="bp-section bp-keep">
          <h2 className="bp-h2">Contacts</h2>
          <ul className="bp-list">
            {m.contacts.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function Rows({ rows, code }: { rows: PrintRow[]; code?: string }) {
  return (
    <dl className="bp-rows">
      {rows.map((r) => (
        <Fragment key={r.label}>
          <dt>{r.label}</dt>
          <dd className={r.label === code ? 'bp-code' : undefined}>
            {r.href ? <WebLink href={r.href} text={r.value} /> : r.value}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

// URLs up to this length print on one line (smaller type for longer ones), so copying the
// address from the PDF gives it whole; a longer one may break, only after / ? & = or #.
const ONE_LINE_URL_CHARS = 110;

/** A web address as a real link (Chromium writes a PDF link annotation for it). */
function WebLink({ href, text }: { href: string; text: string }) {
  const chars = text.length;
  if (chars > ONE_LINE_URL_CHARS) {
    const parts = text.split(/(?<=[/?&=#])/);
    return (
      <a className="bp-url" href={href}>
        {parts.map((p, i) => (
          <Fragment key={i}>
            {p}
            {i < parts.length - 1 && <wbr />}
          </Fragment>
        ))}
      </a>
    );
  }
  return (
    <a
      className="bp-url bp-url-oneline"
      href={href}
      style={{ '--bp-url-chars': chars } as CSSProperties}
    >
      {text}
    </a>
  );
}

function Inlines({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((run, i) => {
        if (run.br) return <br key={i} />;
        let node: ReactNode = run.text;
        if (run.code) node = <code>{node}</code>;
        if (run.bold) node = <strong>{node}</strong>;
        if (run.italic) node = <em>{node}</em>;
        if (run.underline) node = <u>{node}</u>;
        if (run.strike) node = <s>{node}</s>;
        if (run.href && /^(https?:|mailto:)/i.test(run.href)) node = <a href={run.href}>{node}</a>;
        return <Fragment key={i}>{node}</Fragment>;
      })}
    </>
  );
}

function Blocks({ blocks }: { blocks: Block[] }) {
  return (
    <>
      {blocks.map((b, i) => {
        switch (b.kind) {
          case 'paragraph':
            return (
              <p key={i}>
                <Inlines inlines={b.inlines} />
              </p>
            );
          case 'heading': {
            const H = (['h3', 'h4', 'h5'] as const)[b.level - 1]!;
            return (
              <H key={i} className="bp-body-h">
                <Inlines inlines={b.inlines} />
              </H>
            );
          }
          case 'list': {
            const L = b.ordered ? 'ol' : 'ul';
            return (
              <L key={i}>
                {b.items.map((item, j) => (
                  <li key={j}>
                    <Blocks blocks={item} />
                  </li>
                ))}
              </L>
            );
          }
          case 'tasks':
            return (
              <ul key={i} className="bp-tasks">
                {b.items.map((item, j) => (
                  <li key={j} className={item.checked ? 'bp-done' : undefined}>
                    <span className="bp-box" aria-hidden="true" />
                    <div>
                      <Blocks blocks={item.blocks} />
                    </div>
                  </li>
                ))}
              </ul>
            );
          case 'quote':
            return (
              <blockquote key={i}>
                <Blocks blocks={b.blocks} />
              </blockquote>
            );
          case 'image':
            return (
              <figure key={i} className="bp-figure">
                <img src={b.src} alt={b.alt} />
                {b.alt && <figcaption>{b.alt}</figcaption>}
              </figure>
            );
          case 'code':
            return (
              <pre key={i}>
                <code>{b.text}</code>
              </pre>
            );
          case 'rule':
            return <hr key={i} />;
        }
        return null;
      })}
    </>
  );
}
