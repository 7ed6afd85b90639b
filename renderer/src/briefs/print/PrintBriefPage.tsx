import { useEffect, useState } from 'react';
import {
  buildBriefPrintModel,
  readBriefState,
  type BriefPrintModel,
} from '../../../../shared/brief';
import type { DropId } from '../../../../shared/model';
import { readStoredWorkspace } from '../../workspace/readStored';
import { BriefPrint } from './BriefPrint';
import { cssString } from './cssString';
import { PRINT_READY_ATTRIBUTE } from '../../../../shared/ipc/contract';
import type { PrintRoute } from './route';
import '../../ui/print/fonts.css';
import './print.css';

type Load =
  | { kind: 'loading' }
  | { kind: 'ready'; model: BriefPrintModel }
  | { kind: 'error'; message: string };

/** Reads the workspace from this machine's storage; the print view never writes to it. */
function loadModel(route: PrintRoute): Promise<BriefPrintModel> {
  return readStoredWorkspace(route.workspaceId, (doc) => {
    const state = readBriefState(doc, route.dropId as DropId);
    if (!state) throw new Error('This drop is not in the workspace on this machine.');
    const version =
      route.version ??
      (state.status === 'sent' && state.sent ? state.sent.version : state.nextVersion);
    return buildBriefPrintModel(state.brief, state.body, { version, pageSize: route.size });
  });
}

function setMeta(name: string, content: string) {
  let el = document.head.querySelector<HTMLMetaElement>(`meta[name="${name}"]`);
  if (!el) {
    el = document.createElement('meta');
    el.name = name;
    document.head.appendChild(el);
  }
  el.content = content;
}

/** The print view route: renders one brief for the PDF printer (desktop) or the browser's print. */
export function PrintBriefPage({ route }: { route: PrintRoute }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  useEffect(() => {
    document.documentElement.classList.add('print-mode');
    let cancelled = false;
    loadModel(route).then(
      (model) => !cancelled && setLoad({ kind: 'ready', model }),
      (err: unknown) =>
        !cancelled &&
        setLoad({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      cancelled = true;
    };
  }, [route]);

  useEffect(() => {
    if (load.kind !== 'ready') return;
    document.title = load.model.title;
    setMeta('author', load.model.author);
    // Desktop: main copies <title>, author and this description (the subject) into the PDF.
    setMeta('description', load.model.subject);
    let cancelled = false;
    // Ready once the shipped fonts and every picture are decoded: the PDF must not catch a
    // fallback font or a half-loaded image.
    const images = [...document.images].map((img) => img.decode().catch(() => undefined));
    void Promise.all([document.fonts.ready, ...images]).then(() => {
      if (cancelled) return;
      document.documentElement.setAttribute(PRINT_READY_ATTRIBUTE, '1');
      if (route.autoprint) window.print();
    });
    return () => {
      cancelled = true;
    };
  }, [load, route.autoprint]);

  if (load.kind === 'loading') return null;
  if (load.kind === 'error') {
    return (
      <p className="bp-error" role="alert">
        {load.message}
      </p>
    );
  }
  const m = load.model;
  const pageCss = `@page { size: ${m.pageSize === 'Letter' ? 'letter' : 'A4'}; margin: 16mm 16mm 18mm;
    @bottom-left { content: ${cssString(`${m.header.brand} · ${m.header.dropTitle} · brief v${m.header.version}`)}; }
    @bottom-right { content: "Page " counter(page) " of " counter(pages); } }`;
  return (
    <>
      <style>{pageCss}</style>
      <BriefPrint model={m} />
    </>
  );
}
