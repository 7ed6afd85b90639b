import { dropWindows, type DropWindow } from '../cadence/windows';
import type { AttributableDrop } from './attribution';
import type { InterestEvent } from './interest';
import {
  attributableDrop,
  attributionSteps,
  dropResults,
  type Attribution,
  type DropResultInput,
  type DropResults,
} from './metrics';
import type { OrderFact } from './orders';
import type { ResultSettings } from './settings';
import { runSteps, runStepsWithPauses } from './steps';

/** Drops whose results are worked out between two pauses when computing in slices. */
const DROP_SLICE = 50;

// Each part of a drop's inputs that a step reads, as a key: equal keys give equal results.
const attributionKey = (i: DropResultInput, tz: string) =>
  JSON.stringify([
    i.drop.id,
    i.discountCode,
    i.trackingLink,
    i.actuals.skus,
    i.drop.dropDate,
    i.drop.launchTime ?? null,
    i.attributionWindowDays,
    tz,
  ]);
const windowsKey = (i: DropResultInput, tz: string) =>
  JSON.stringify([i.drop.shootDate ?? null, i.drop.dropDate, i.drop.launchTime ?? null, tz]);

/**
 * Computes every drop's results like `computeResults`, reusing what did not change since the
 * last call: the attribution of every order is redone only when the orders (a new array), the
 * settings or a drop's code, link, SKUs or window changed; a drop's own results only when its
 * inputs, the attribution or the events changed. An unchanged drop keeps the same results
 * object, so a view showing it need not redraw. Pass the same orders and events arrays while
 * their maps are unchanged.
 */
export class ResultsCalculator {
  private attributable = new Map<string, { key: string; value: AttributableDrop }>();
  private windows = new Map<string, { key: string; value: DropWindow[] }>();
  private drops = new Map<string, { key: string; value: DropResults }>();
  private attribution: Attribution | null = null;
  private attributionInputs: { orders: readonly OrderFact[]; key: string } | null = null;
  private events: { from: readonly InterestEvent[]; sorted: InterestEvent[] } | null = null;

  compute(
    inputs: readonly DropResultInput[],
    orders: readonly OrderFact[],
    events: readonly InterestEvent[],
    settings: ResultSettings,
    tz: string,
  ): Map<string, DropResults> {
    return runSteps(this.steps(inputs, orders, events, settings, tz));
  }

  /**
   * `compute` spread over several tasks: it awaits `pause` after every 5,000 orders attributed
   * and every 50 drops' results (after an import of 25,000 orders, one task of ~190 ms becomes
   * several short ones). Its inputs must not change meanwhile; the results are the same.
   */
  computeInSlices(
    inputs: readonly DropResultInput[],
    orders: readonly OrderFact[],
    events: readonly InterestEvent[],
    settings: ResultSettings,
    tz: string,
    pause: () => Promise<void>,
  ): Promise<Map<string, DropResults>> {
    return runStepsWithPauses(this.steps(inputs, orders, events, settings, tz), pause);
  }

  private *steps(
    inputs: readonly DropResultInput[],
    orders: readonly OrderFact[],
    events: readonly InterestEvent[],
    settings: ResultSettings,
    tz: string,
  ): Generator<void, Map<string, DropResults>> {
    const attributable = inputs.map((i) =>
      cached(this.attributable, i.drop.id, attributionKey(i, tz), () => attributableDrop(i, tz)),
    );
    const key = JSON.stringify([settings, inputs.map((i) => attributionKey(i, tz))]);
    const previous = this.attribution;
    if (
      !this.attribution ||
      this.attributionInputs?.orders !== orders ||
      this.attributionInputs.key !== key
    ) {
      this.attribution = yield* attributionSteps(attributable, orders, settings);
      this.attributionInputs = { orders, key };
    }
    const previousEvents = this.events;
    if (this.events?.from !== events) {
      this.events = { from: events, sorted: [...events].sort((a, b) => a.t - b.t) };
    }
    const sameFacts = previous === this.attribution && previousEvents === this.events;

    const attribution = this.attribution;
    const sortedEvents = this.events.sorted;
    const out = new Map<string, DropResults>();
    const live = new Set<string>();
    for (let n = 0; n < inputs.length; n++) {
      const input = inputs[n]!;
      const id = input.drop.id;
      live.add(id);
      const inputKey = JSON.stringify([input, tz]);
      const known = this.drops.get(id);
      if (sameFacts && known?.key === inputKey) {
        out.set(id, known.value);
        continue;
      }
      if (n > 0 && n % DROP_SLICE === 0) yield;
      const windows = cached(this.windows, id, windowsKey(input, tz), () =>
        dropWindows(input.drop, tz),
      );
      const value = dropResults(input, attributable[n]!, attribution, sortedEvents, windows);
      this.drops.set(id, { key: inputKey, value });
      out.set(id, value);
    }
    // Forget drops that are gone.
    for (const map of [this.attributable, this.windows, this.drops]) {
      for (const id of map.keys()) if (!live.has(id)) map.delete(id);
    }
    return out;
  }
}

function cached<T>(
  map: Map<string, { key: string; value: T }>,
  id: string,
  key: string,
  make: () => T,
): T {
  const known = map.get(id);
  if (known?.key === key) return known.value;
  const value = make();
  map.set(id, { key, value });
  return value;
}
