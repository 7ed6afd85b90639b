import type { NoticeAction } from '../state';

export interface NoticeState {
  id: number;
  message: string;
  action?: NoticeAction;
}

/** The message on screen, and the offers (messages with an action) waiting behind it. */
export interface NoticeQueue {
  current: NoticeState | null;
  waiting: NoticeState[];
}

export const EMPTY_NOTICES: NoticeQueue = { current: null, waiting: [] };

/**
 * A new message. An offer on screen ("Restore it") is never lost to it: a plain message shows
 * first and the offer comes back after it, and a later offer waits its turn behind it. Before,
 * a second offer (a teammate deleting two drops one after the other, each open here) took the
 * first one's button away for good.
 */
export function showNotice(queue: NoticeQueue, next: NoticeState): NoticeQueue {
  const { current, waiting } = queue;
  if (!current?.action) return { current: next, waiting };
  if (next.action) return { current, waiting: [...waiting, next] };
  return { current: next, waiting: [current, ...waiting] };
}

/** The message on screen goes (dismissed, used, or its time is up); the next offer shows. */
export function nextNotice(queue: NoticeQueue): NoticeQueue {
  const [first = null, ...rest] = queue.waiting;
  return { current: first, waiting: rest };
}

/** A message about an edit goes when the edit is undone or redone; an offer stays. */
export function dropEditNotice(queue: NoticeQueue): NoticeQueue {
  return queue.current && !queue.current.action ? nextNotice(queue) : queue;
}

/** Offers go (their workspace is no longer the open one), on screen or waiting. */
export function dropOffers(queue: NoticeQueue): NoticeQueue {
  const waiting = queue.waiting.filter((n) => !n.action);
  if (queue.current && !queue.current.action) return { current: queue.current, waiting };
  const [first = null, ...rest] = waiting;
  return { current: first, waiting: rest };
}
