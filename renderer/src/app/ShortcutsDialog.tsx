import { Fragment } from 'react';
import { isMac } from '../platform/platform';
import { keysFor, SHORTCUT_GROUPS } from '../state/shortcutList';
import { Dialog } from '../ui/Dialog';

/** Every keyboard shortcut, grouped by where it works (Ctrl/⌘ + /, Help › Keyboard Shortcuts). */
export function ShortcutsDialog(props: { onClose: () => void }) {
  const mac = isMac();
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={props.onClose}
      actions={
        <button type="submit" className="button button-primary" autoFocus>
          Close
        </button>
      }
      onSubmit={props.onClose}
    >
      <div className="shortcut-groups">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} className="shortcut-group" aria-label={group.title}>
            <h3 className="shortcut-group-title">{group.title}</h3>
            <dl className="shortcut-list">
              {group.lines.map((line, i) => (
                <Fragment key={i}>
                  <dt className="shortcut-keys">
                    {keysFor(line.keys, mac).map((k, j) => (
                      <Fragment key={j}>
                        {j > 0 && !mac && !line.anyOf && <span aria-hidden="true">+</span>}
                        <kbd>{k}</kbd>
                      </Fragment>
                    ))}
                  </dt>
                  <dd className="shortcut-does">{line.does}</dd>
                </Fragment>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
