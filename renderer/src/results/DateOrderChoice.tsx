import { format } from 'date-fns';
import {
  DATE_ORDERS,
  orderWords,
  slashDate,
  type DateOrder,
  type SlashDate,
  type SlashDates,
} from '../../../shared/results';

/** Where the order of a file's dates with slashes comes from, when no value in it tells. */
export type DateSource = 'locale' | 'saved' | 'chosen';

/** "March 10" and "3 October": what a date with slashes is in each order. */
function readings(d: SlashDate): Record<DateOrder, string> {
  return {
    'month-first': format(new Date(d.year, d.first - 1, d.second), 'MMMM d'),
    'day-first': format(new Date(d.year, d.second - 1, d.first), 'd MMMM'),
  };
}

/** A value's date alone (03/10/26), without the time after it. */
const dateAlone = (raw: string) => raw.slice(0, slashDate(raw)?.length);

/**
 * How a file's dates with slashes are read, beside its columns: what the file shows, or, when
 * every date could be either, the question with the remembered or guessed answer, changeable
 * before Apply (a change reads the file again).
 */
export function DateOrderChoice(props: {
  dates: SlashDates;
  source: DateSource;
  /** The order remembered for this layout. */
  saved: DateOrder | null;
  /** The reader's language, behind a guess. */
  locale: string;
  /** Remembered and the columns folded: said in a sentence, asked again under Check columns. */
  folded: boolean;
  onChoose: (order: DateOrder) => void;
}) {
  const { dates, source, saved, locale, folded, onChoose } = props;
  const common = { 'data-testid': 'import-dates', 'data-order': dates.order };
  if (dates.shownBy) {
    return (
      <p className="results-dates" {...common} data-by="file">
        Dates are read {orderWords(dates.order)}, as {dateAlone(dates.shownBy)} shows.
        {saved && saved !== dates.order && (
          <> This layout was read {orderWords(saved)} before: check the orders imported then.</>
        )}
      </p>
    );
  }
  const said = readings(slashDate(dates.example)!);
  const example = dateAlone(dates.example);
  if (folded) {
    return (
      <p className="results-dates" {...common} data-by={source}>
        Dates like {example} are read {orderWords(dates.order)} ({said[dates.order]}), as for this
        layout before.
      </p>
    );
  }
  return (
    <fieldset
      className={`results-dates${source === 'locale' ? ' results-warning' : ''}`}
      {...common}
      data-by={source}
    >
      <legend>Dates like {example} are:</legend>
      {DATE_ORDERS.map((o) => (
        <label key={o}>
          <input
            type="radio"
            name="import-date-order"
            checked={dates.order === o}
            onChange={() => onChoose(o)}
          />{' '}
          {said[o]} ({orderWords(o)})
        </label>
      ))}
      <small>
        {source === 'locale'
          ? `Nothing in the file tells. Guessed from this computer’s language (${locale}): check before applying.`
          : source === 'saved'
            ? 'As for this layout before.'
            : 'As you chose. Remembered for this layout when you apply.'}
      </small>
    </fieldset>
  );
}
