import { useEffect, useMemo, useRef, useState } from 'react';
import Papa from 'papaparse';
import {
  applyInterestImportInSlices,
  applyOrderPlanInSlices,
  binaryFileKind,
  wrongExportMessage,
  decodeExportBytes,
  exportDelimiter,
  diffInterest,
  ensureCustomerSalt,
  EVENT_FIELDS,
  guessEventMapping,
  guessOrderMapping,
  ImportCancelledError,
  missingFields,
  isShopifyOrderExport,
  localeDateOrder,
  noOrderHasAmount,
  otherCurrencies,
  otherCurrenciesSentence,
  ORDER_FIELDS,
  planOrderImport,
  readResultSettings,
  sameMapping,
  savedDateOrder,
  savedMapping,
  type DateOrder,
  type ImportDiff,
  type InterestDiff,
  type Mapping,
  type OrderImportPlan,
  type SlashDates,
} from '../../../shared/results';
import {
  asOwnUndoStepAcross,
  formatMoney,
  printableFileName,
  readMeta,
} from '../../../shared/model';
import { useCommands, useOpenWorkspace } from '../state';
import { useWorkspaceCurrency } from '../state/currency';
import { afterNextPaint } from '../ui/afterPaint';
import { yieldToWindow } from '../ui/yieldToWindow';
import { Dialog } from '../ui/Dialog';
import { DateOrderChoice, type DateSource } from './DateOrderChoice';
import { readInWorker, type ReadOutcome } from './importProtocol';
import type { ImportKind } from './importRequests';
import { ImportSummary } from './ImportSummary';
import { useRecorder } from './useRecorder';

type Done = Extract<ReadOutcome, { type: 'done' }>;
type Step =
  | { kind: 'reading'; fraction: number }
  | { kind: 'comparing'; fraction: number }
  | { kind: 'mapping'; headers: string[]; mapping: Mapping<string>; missing: string[] }
  | { kind: 'report'; done: Done }
  | { kind: 'preview'; done: Done; diff: ImportDiff | InterestDiff; plan: OrderImportPlan | null }
  | { kind: 'applying'; count: number; fraction: number }
  /** Cancel was pressed while applying: the slice being written ends, then all is taken back. */
  | { kind: 'cancelling'; count: number }
  | { kind: 'applied'; diff: ImportDiff; records: number; testSkipped: number }
  | { kind: 'failed'; message: string };

const FIELDS = { orders: ORDER_FIELDS, events: EVENT_FIELDS } as const;
type FieldDefs = Record<string, { label: string; required: boolean; hint: string }>;

/** Where the columns a file is read with come from. */
type ColumnSource = 'shopify' | 'saved' | 'guessed' | 'corrected';
interface Columns {
  headers: string[];
  /** The first data row's value per column, shown beside each choice. */
  sample: Record<string, string>;
  source: ColumnSource;
  /** The mapping saved for this header row, if any. */
  saved: Mapping<string> | null;
  /** Where the order of dates with slashes comes from when the file does not tell. */
  dates: DateSource;
  /** The order saved for this header row, if any. */
  savedDates: DateOrder | null;
}

// The header row and the first data row, read from the start of the file.
/** The first `bytes` of a file as text, in the file's encoding (see decodeExportBytes). */
async function headText(file: File, bytes: number): Promise<string> {
  return decodeExportBytes(new Uint8Array(await file.slice(0, bytes).arrayBuffer()), true);
}

const HEAD_BYTES = 64 * 1024;

async function readHead(file: File): Promise<{
  headers: string[];
  sample: Record<string, string>;
  binary: ReturnType<typeof binaryFileKind>;
  /** The first line ends within the bytes read (a header row of no export is longer). */
  lineEnds: boolean;
}> {
  const bytes = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const binary = binaryFileKind(bytes);
  const head = decodeExportBytes(bytes, true);
  const lineEnds = file.size <= HEAD_BYTES || /[\r\n]/.test(head);
  const [headers = [], first = []] = Papa.parse<string[]>(head, {
    preview: 2,
    delimiter: exportDelimiter(head),
  }).data;
  const sample: Record<string, string> = {};
  headers.forEach((h, i) => {
    const v = first[i];
    if (v !== undefined && v.trim() !== '' && !(h in sample)) sample[h] = v.trim();
  });
  return { headers, sample, binary, lineEnds };
}

/** Why a file that is not text cannot be imported (a workbook is saved as CSV first). */
const NOT_TEXT = {
  workbook: (name: string) =>
    `“${name}” is a spreadsheet workbook (Excel, Numbers), not a CSV file. Save it as CSV from the spreadsheet and import that file.`,
  binary: (name: string) => `“${name}” is not a CSV file: it holds binary data, not text.`,
};

/** The columns Cadence would guess for each field of a `kind` of export. */
const guessed = (kind: ImportKind, headers: string[]): Mapping<string> =>
  kind === 'events' ? guessEventMapping(headers) : guessOrderMapping(headers);

// Which kind of export a file looks like, from its header row.
async function guessKind(file: File): Promise<ImportKind> {
  const head = await headText(file, 16 * 1024);
  const headers =
    Papa.parse<string[]>(head, { preview: 1, delimiter: exportDelimiter(head) }).data[0] ?? [];
  const o = guessOrderMapping(headers);
  if (o.orderId && o.quantity) return 'orders';
  const e = guessEventMapping(headers);
  if (e.email && e.time) return 'events';
  return 'orders';
}

/**
 * Import an orders or events export: read in a worker, map columns, preview, then apply all or
 * nothing (a cancelled or failed apply takes back what it wrote).
 */
export function ImportDialog(props: {
  file: File;
  kind: ImportKind | null;
  onClose: () => void;
  /** Tells the person something after the dialog has closed (a cancelled import). */
  onMessage?: (message: string) => void;
}) {
  const { file, onClose, onMessage } = props;
  // The name as shown and recorded: one plain line (a U+202E or a line break in it is not).
  const fileName = printableFileName(file.name);
  const ws = useOpenWorkspace();
  const recorder = useRecorder();
  const [kind, setKind] = useState<ImportKind | null>(props.kind);
  const [step, setStep] = useState<Step>({ kind: 'reading', fraction: 0 });
  const [mappingOverride, setMappingOverride] = useState<Mapping<string> | null>(null);
  // The order of dates with slashes the person chose (the file's own values still decide).
  const [dateOverride, setDateOverride] = useState<DateOrder | null>(null);
  const [columns, setColumns] = useState<Columns | null>(null);
  const abort = useRef<AbortController | null>(null);
  // Cancel while an import is written: it stops between slices and is taken back.
  const applyAbort = useRef<AbortController | null>(null);
  // False once the dialog has closed: an Apply waiting for its frame then writes nothing.
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
    };
  }, []);

  // While an import is being written or taken back, undo and redo wait: undoing half of it
  // would leave the rest to be written on its own.
  const commands = useCommands();
  const applying = step.kind === 'applying' || step.kind === 'cancelling';
  useEffect(() => {
    if (!applying) return;
    const held = (['undo', 'redo'] as const).map((c) => commands.register(c, () => {}));
    return () => held.forEach((release) => release());
  }, [applying, commands]);

  useEffect(() => {
    if (kind) return;
    let live = true;
    void guessKind(file).then((k) => live && setKind(k));
    return () => {
      live = false;
    };
  }, [file, kind]);

  useEffect(() => {
    if (!kind) return;
    const controller = new AbortController();
    abort.current = controller;
    setStep({ kind: 'reading', fraction: 0 });
    const doc = ws.doc;
    const settings = readResultSettings(doc);
    void (async () => {
      const { headers, sample, binary, lineEnds } = await readHead(file);
      if (binary) {
        setStep({ kind: 'failed', message: NOT_TEXT[binary](fileName) });
        return;
      }
      const wrong = wrongExportMessage(file.name, headers);
      if (wrong) {
        setStep({ kind: 'failed', message: wrong });
        return;
      }
      // One huge line (a log, minified data) was offered as a column name of megabytes in
      // every field's list, which took the window 15 s to draw.
      if (!lineEnds) {
        setStep({
          kind: 'failed',
          message: `“${fileName}” does not look like an export: its first line, where the column names are, runs on for more than 64 KB.`,
        });
        return;
      }
      if (headers.every((h) => !h.trim())) {
        setStep({
          kind: 'failed',
          message: `“${fileName}” is empty: there is nothing to import.`,
        });
        return;
      }
      const saved = savedMapping<string>(doc, kind, headers);
      const mapping = mappingOverride ?? saved;
      const savedDates = savedDateOrder(doc, kind, headers);
      setColumns({
        headers,
        sample,
        saved,
        savedDates,
        dates: dateOverride ? 'chosen' : savedDates ? 'saved' : 'locale',
        source: mappingOverride
          ? 'corrected'
          : saved
            ? 'saved'
            : kind === 'orders' && isShopifyOrderExport(headers)
              ? 'shopify'
              : 'guessed',
      });
      const outcome = await readInWorker(
        {
          kind,
          file,
          mapping,
          // A file whose dates could be either way is read as chosen, remembered, or as the
          // reader's language writes dates; the preview says which, to change before Apply.
          dateOrder: dateOverride ?? savedDates ?? localeDateOrder(navigator.language),
          timeZone: readMeta(doc).timezone,
          localPostcodes: settings.localPostcodes,
          defaultKind: /wish/i.test(file.name) ? 'wishlist' : 'click',
          salt: ensureCustomerSalt(doc),
        },
        (fraction) => setStep({ kind: 'reading', fraction }),
        controller.signal,
      );
      if (controller.signal.aborted) return;
      if (outcome.type === 'cancelled') return;
      if (outcome.type === 'error') setStep({ kind: 'failed', message: outcome.message });
      else if (outcome.type === 'needs-mapping') setStep({ kind: 'mapping', ...outcome });
      else if (outcome.errors.length) setStep({ kind: 'report', done: outcome });
      else if (outcome.rows === 0) {
        const what = kind === 'events' ? 'events' : 'orders';
        setStep({
          kind: 'failed',
          message: `“${fileName}” has a header row but no ${what} in it: there is nothing to import.`,
        });
      } else if (outcome.kind === 'events') {
        const diff = diffInterest(doc, outcome.events);
        setStep({ kind: 'preview', done: outcome, diff, plan: null });
      } else {
        // Checking and comparing 25,000 orders takes a while: in slices, each a short task,
        // so the window keeps answering and Cancel works. Nothing is written until Apply.
        setStep({ kind: 'comparing', fraction: 0 });
        try {
          const plan = await planOrderImport(doc, outcome.orders, {
            pause: yieldToWindow,
            signal: controller.signal,
            onProgress: (fraction) => setStep({ kind: 'comparing', fraction }),
          });
          setStep({ kind: 'preview', done: outcome, diff: plan.diff, plan });
        } catch (e) {
          if (controller.signal.aborted) return;
          setStep({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
        }
      }
    })();
    return () => controller.abort();
  }, [file, fileName, kind, mappingOverride, dateOverride, ws.doc]);

  const apply = async (done: Done, plan: OrderImportPlan | null) => {
    // Columns that were guessed or corrected are remembered with the import (one undo step),
    // so the next export with the same header row is read the same way.
    const remember =
      columns &&
      columns.source !== 'shopify' &&
      !sameMapping(columns.saved, done.mapping) &&
      Object.keys(done.mapping).length > 0;
    // So is the order its dates with slashes were read in, a Shopify export's too.
    const dates = done.dates && columns?.savedDates !== done.dates.order ? done.dates.order : null;
    const meta = {
      file: fileName,
      ...recorder,
      rows: done.rows,
      testSkipped: done.testSkipped,
      ...(columns && (remember || dates)
        ? {
            columns: {
              headers: columns.headers,
              ...(remember ? { mapping: done.mapping } : {}),
              ...(dates ? { dates } : {}),
            },
          }
        : {}),
    };
    // Writing 25,000 orders takes a moment: say so on screen first.
    const count = plan ? plan.entries.size : done.events.length;
    setStep({ kind: 'applying', count, fraction: 0 });
    const controller = new AbortController();
    applyAbort.current = controller;
    await new Promise<void>((resolve) => afterNextPaint(resolve));
    if (!open.current) return;
    if (controller.signal.aborted) return cancelled();
    // Orders or events are written a slice per transaction (short tasks, a moving progress bar),
    // as one undo step of their own; the results are computed and drawn once, after the last.
    const release = ws.store.results.hold();
    try {
      const slices = {
        pause: yieldToWindow,
        signal: controller.signal,
        onProgress: (fraction: number) => {
          if (!controller.signal.aborted) setStep({ kind: 'applying', count, fraction });
        },
      };
      // All or nothing: a cancelled or failed write is taken back whole, outside redo.
      const rec = await asOwnUndoStepAcross(
        ws.undoManager,
        () =>
          plan
            ? applyOrderPlanInSlices(ws.doc, plan, meta, slices)
            : applyInterestImportInSlices(ws.doc, done.events, meta, slices),
        { takeBackOnFailure: true },
      );
      // Every drop's results are computed in slices, then drawn in a task of their own.
      await ws.store.results.prepare(yieldToWindow);
      await yieldToWindow();
      release();
      setStep({
        kind: 'applied',
        diff: rec,
        records: rec.records,
        testSkipped: rec.testSkipped,
      });
    } catch (e) {
      release();
      if (e instanceof ImportCancelledError) {
        if (open.current) cancelled();
        return;
      }
      setStep({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const cancelled = () => {
    onClose();
    onMessage?.(`Import cancelled: nothing from ${fileName} was kept.`);
  };

  // Cancel while applying: the slice being written finishes, then everything is taken back.
  const cancelApply = () => {
    if (step.kind !== 'applying' || step.fraction >= 1) return;
    setStep({ kind: 'cancelling', count: step.count });
    applyAbort.current?.abort();
  };

  const noun = kind === 'events' ? 'events' : 'orders';
  const currency = useWorkspaceCurrency();
  const preview = step.kind === 'preview' && step.done.kind === 'orders' ? step.done : null;
  // Amounts are never converted: orders in another currency are named before they count.
  const currencyNote = useMemo(
    () => preview && otherCurrenciesSentence(otherCurrencies(preview.orders, currency), currency),
    [preview, currency],
  );
  // No column gave the orders an amount: applied so, each would count nothing towards revenue.
  const amountless = useMemo(() => !!preview && noOrderHasAmount(preview.orders), [preview]);
  const title = `Import ${kind === 'events' ? 'clicks and wishlist adds' : 'orders'} · ${fileName}`;
  const close = () => {
    // Escape while an import is written cancels it, as the button does (it is taken back).
    if (step.kind === 'applying') return cancelApply();
    if (step.kind === 'cancelling') return;
    abort.current?.abort();
    onClose();
  };

  let body: React.ReactNode;
  let actions: React.ReactNode = (
    <button type="button" className="button" onClick={close}>
      Cancel
    </button>
  );
  if (step.kind === 'applying') {
    body = (
      <div className="results-progress" role="status">
        <p>
          Applying {step.count.toLocaleString()} {noun}…
        </p>
        <progress
          max={1}
          value={step.fraction}
          aria-label="Import progress"
          data-testid="import-progress"
          data-phase="applying"
        />
        <span>{Math.round(step.fraction * 100)} %</span>
      </div>
    );
    // Once the last slice is in (the results are being computed) the import is done.
    // Apply's button is gone: focus goes to Cancel, not to the page behind the dialog.
    actions =
      step.fraction < 1 ? (
        // Its own key: a new button, so autoFocus applies (the preview's Cancel stood here).
        <button key="cancel-apply" type="button" className="button" onClick={cancelApply} autoFocus>
          Cancel
        </button>
      ) : null;
  } else if (step.kind === 'cancelling') {
    body = (
      <div className="results-progress" role="status" data-testid="import-cancelling">
        <p>
          Cancelling: taking back the {noun} written so far. Nothing of this import will be kept.
        </p>
      </div>
    );
    actions = null;
  } else if (step.kind === 'reading' || step.kind === 'comparing') {
    body = (
      <div className="results-progress">
        <p>
          {step.kind === 'reading'
            ? `Reading ${fileName}…`
            : `Comparing with the ${noun} already imported…`}
        </p>
        <progress
          max={1}
          value={step.fraction}
          aria-label="Import progress"
          data-testid="import-progress"
          data-phase={step.kind}
        />
        <span>{Math.round(step.fraction * 100)} %</span>
      </div>
    );
  } else if (step.kind === 'mapping') {
    const fields = FIELDS[kind ?? 'orders'] as FieldDefs;
    const missing = missingFields(step.mapping, step.headers, fields);
    // Nothing in the header row looked like any field: probably not an export of this kind.
    const unlike = Object.values(guessed(kind ?? 'orders', step.headers)).every((c) => !c);
    body = (
      <>
        {unlike && (
          <p className="results-warning" role="note" data-testid="import-unlike">
            “{fileName}” does not look like{' '}
            {kind === 'events' ? 'a click or wishlist export' : 'an order export'}: none of its
            columns has a name Cadence knows. Choose the columns below if it is one.
          </p>
        )}
        <p>
          Which column holds what? Cadence remembers this with the import, for files with the same
          columns. Required fields are marked *.
        </p>
        <MappingForm
          kind={kind ?? 'orders'}
          headers={step.headers}
          sample={columns?.sample ?? {}}
          mapping={step.mapping}
          onChange={(m) => setStep({ ...step, mapping: m })}
        />
        {missing.length > 0 && (
          <p className="results-hint" role="status" data-testid="import-missing">
            Choose a column for {missing.map((f) => fields[f]!.label).join(', ')} to read the file.
          </p>
        )}
      </>
    );
    actions = (
      <>
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={missing.length > 0}
          onClick={() => setMappingOverride({ ...step.mapping })}
        >
          Read with these columns
        </button>
      </>
    );
  } else if (step.kind === 'report') {
    const d = step.done;
    body = (
      <div className="results-report" role="alert">
        <p>
          <strong>Nothing was imported.</strong> {d.errorRows}{' '}
          {d.errorRows === 1 ? 'row has a problem' : 'rows have problems'} (of {d.rows}). Fix the
          file and import it again; rows are numbered as in a spreadsheet (the header is row 1).
        </p>
        <table className="results-table" data-testid="import-errors">
          <thead>
            <tr>
              <th>Row</th>
              <th>Problem</th>
            </tr>
          </thead>
          <tbody>
            {d.errors.map((e, i) => (
              <tr key={i}>
                <td>{e.row}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {d.errorCount > d.errors.length && (
          <p>…and {(d.errorCount - d.errors.length).toLocaleString()} more problems.</p>
        )}
        {columns && (
          <ColumnsCheck
            kind={d.kind}
            columns={columns}
            used={d.mapping}
            dates={d.dates}
            onRead={(m) => setMappingOverride(m)}
            onDates={setDateOverride}
          />
        )}
      </div>
    );
    actions = (
      <button type="button" className="button button-primary" onClick={close}>
        Close
      </button>
    );
  } else if (step.kind === 'preview') {
    const d = step.done;
    body = (
      <div className="results-preview" data-testid="import-preview">
        <ImportSummary
          kind={d.kind}
          rows={d.rows}
          records={d.kind === 'orders' ? d.orders.length : d.events.length}
          testSkipped={d.testSkipped}
          skipped={d.skipped}
          diff={step.diff}
        />
        {currencyNote && (
          <p className="results-warning" role="note" data-testid="import-currency">
            {currencyNote}, the workspace’s currency. Amounts are never converted: these count as
            written, as {currency}.
          </p>
        )}
        {amountless && (
          <p className="results-warning" role="note" data-testid="import-no-amounts">
            Every order reads as {formatMoney(0, currency)}: no column gives the orders an amount
            (Subtotal, Line price or Line total), so they would count nothing towards revenue and
            the return. Choose the column that holds the amounts below and read the file again.
          </p>
        )}
        {columns && (
          <ColumnsCheck
            kind={d.kind}
            columns={columns}
            used={d.mapping}
            dates={d.dates}
            onRead={(m) => setMappingOverride(m)}
            onDates={setDateOverride}
          />
        )}
      </div>
    );
    actions = (
      <>
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => void apply(d, step.plan)}
        >
          Apply import
        </button>
      </>
    );
  } else if (step.kind === 'applied') {
    body = (
      <p role="status" data-testid="import-applied">
        Imported: {step.diff.added.toLocaleString()} new, {step.diff.changed.toLocaleString()}{' '}
        changed, {step.diff.unchanged.toLocaleString()} unchanged {noun}. Undo with Ctrl/⌘+Z.
      </p>
    );
    actions = (
      <button type="button" className="button button-primary" onClick={onClose} autoFocus>
        Done
      </button>
    );
  } else {
    body = (
      <p role="alert" className="results-error">
        {step.message} Nothing was imported.
      </p>
    );
    actions = (
      <button type="button" className="button button-primary" onClick={close}>
        Close
      </button>
    );
  }

  return (
    <Dialog title={title} onClose={close} actions={actions}>
      {kind && step.kind !== 'applied' && (
        // Not while an import is written: reading the file as the other kind would start over.
        <fieldset className="results-kind" disabled={applying}>
          <legend className="sr-only">What the file holds</legend>
          {(['orders', 'events'] as const).map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="import-kind"
                checked={kind === k}
                onChange={() => {
                  setMappingOverride(null);
                  setDateOverride(null);
                  setKind(k);
                }}
              />{' '}
              {k === 'orders' ? 'Shop orders' : 'Email clicks / wishlist adds'}
            </label>
          ))}
        </fieldset>
      )}
      {body}
    </Dialog>
  );
}

const SOURCE_TEXT: Record<ColumnSource, string> = {
  shopify: 'Columns: a Shopify orders export, read by its own column names.',
  saved: 'Columns: as mapped for this layout before.',
  guessed: 'Columns guessed from their names. Check each field, and correct it before importing.',
  corrected: 'Columns as you corrected them. They are remembered when you apply the import.',
};

/**
 * The columns a file was read with, in the preview (and beside a report of bad rows): open
 * when they were guessed, so the person checks them; a corrected mapping reads the file again.
 */
function ColumnsCheck(props: {
  kind: ImportKind;
  columns: Columns;
  used: Mapping<string>;
  /** How the file's dates with slashes were read (null: it has none). */
  dates: SlashDates | null;
  onRead: (m: Mapping<string>) => void;
  onDates: (order: DateOrder) => void;
}) {
  const { kind, columns, used, dates, onRead, onDates } = props;
  // A fresh draft each time the file is read (the preview remounts this after reading).
  const [draft, setDraft] = useState<Mapping<string>>(used);
  const [open, setOpen] = useState(columns.source === 'guessed' || columns.source === 'corrected');
  const missing = missingFields(draft, columns.headers, FIELDS[kind] as FieldDefs);
  const changed = !sameMapping(draft, used);
  return (
    <section
      className="results-colmap"
      data-testid="import-columns"
      data-source={columns.source}
      aria-label="Columns"
    >
      <div className="results-colmap-head">
        <span>{SOURCE_TEXT[columns.source]}</span>
        <button
          type="button"
          className="button button-quiet"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide columns' : 'Check columns'}
        </button>
      </div>
      {dates && (
        <DateOrderChoice
          dates={dates}
          source={columns.dates}
          saved={columns.savedDates}
          locale={navigator.language}
          folded={!open && columns.dates === 'saved'}
          onChoose={onDates}
        />
      )}
      {open && (
        <>
          <MappingForm
            kind={kind}
            headers={columns.headers}
            sample={columns.sample}
            mapping={draft}
            onChange={setDraft}
          />
          <div className="results-colmap-actions">
            {missing.length > 0 && (
              <span className="results-error" role="alert">
                Choose a column for{' '}
                {missing.map((f) => (FIELDS[kind] as FieldDefs)[f]?.label ?? f).join(', ')}.
              </span>
            )}
            <button
              type="button"
              className="button"
              disabled={!changed || missing.length > 0}
              onClick={() => onRead({ ...draft })}
            >
              Read again with these columns
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function MappingForm(props: {
  kind: ImportKind;
  headers: string[];
  sample: Record<string, string>;
  mapping: Mapping<string>;
  onChange: (m: Mapping<string>) => void;
}) {
  const { kind, headers, sample, mapping, onChange } = props;
  const fields = FIELDS[kind] as FieldDefs;
  const entries = useMemo(() => Object.entries(fields), [fields]);
  return (
    <div className="results-mapping">
      <div className="results-mapping-grid">
        {entries.map(([field, def]) => {
          const column = mapping[field];
          const example = column ? sample[column] : undefined;
          return (
            <label key={field} data-field={field}>
              <span>
                {def.label}
                {def.required ? ' *' : ''}
                <small>{def.hint}</small>
              </span>
              <select
                className="input"
                value={column ?? ''}
                aria-label={def.label}
                onChange={(e) => {
                  const next = { ...mapping };
                  if (e.target.value) next[field] = e.target.value;
                  else delete next[field];
                  onChange(next);
                }}
              >
                <option value="">(not in this file)</option>
                {headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
              {example !== undefined && (
                <small className="results-mapping-example">
                  e.g. {example.length > 40 ? `${example.slice(0, 40)}…` : example}
                </small>
              )}
            </label>
          );
        })}
      </div>
    </div>
  );
}
