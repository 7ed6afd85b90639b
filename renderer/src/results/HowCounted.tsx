import { PLAYBOOK_LABELS } from '../../../shared/playbook';
import {
  CROSS_DROP_LABELS,
  MULTI_TOUCH_LABELS,
  UNPAID_LABELS,
  type ResultSettings,
} from '../../../shared/results';

/** "How is this counted": the rules in force, in words (the full text is docs/results.md). */
export function HowCounted(props: { settings: ResultSettings; open?: boolean }) {
  const s = props.settings;
  return (
    <details className="results-how" open={props.open}>
      <summary>How is this counted?</summary>
      <ul>
        <li>
          <strong>Orders that count:</strong> not cancelled, voided or refunded in full; test orders
          are never imported. {UNPAID_LABELS[s.unpaid]}. Net revenue is the subtotal after discounts
          (no shipping or tax) minus refunds.
        </li>
        <li>
          <strong>Attributed:</strong> the creator&apos;s discount code (any case) or tracking link
          (every ref/utm value it carries, else its host and path), from launch until the
          brief&apos;s attribution window closes.
        </li>
        <li>
          <strong>Two codes, or a code and a link:</strong> {MULTI_TOUCH_LABELS[s.multiTouch]}.
        </li>
        <li>
          <strong>A code on another drop&apos;s product:</strong> {CROSS_DROP_LABELS[s.crossDrop]}.
        </li>
        <li>
          <strong>Turnaround:</strong> recorded shoot to each shot&apos;s delivery and to
          publishing, against {PLAYBOOK_LABELS.turnaroundTarget}.
        </li>
        <li>
          <strong>Local sell-through:</strong> units of the drop&apos;s SKUs sold in the{' '}
          {PLAYBOOK_LABELS.sellThrough} after launch at the drop&apos;s POS location or to the
          workspace&apos;s local postcodes, over stock and over the reserve.
        </li>
        <li>
          <strong>Repurchase interest:</strong> distinct customers with an email click or wishlist
          add in the {PLAYBOOK_LABELS.repurchase} after launch (or the number typed by hand).
        </li>
        <li>
          <strong>Guards:</strong> at least {PLAYBOOK_LABELS.reserve} reserve planned, and open
          sales in the {PLAYBOOK_LABELS.sellThrough} stayed within stock minus reserve; every
          retargeting payment inside the {PLAYBOOK_LABELS.retargeting}.
        </li>
        <li>
          <strong>Return:</strong> attributed revenue minus creator fee, revenue share, ad spend and
          shoot cost; ratio = revenue ÷ costs.
        </li>
        <li>
          Windows are exact instants: each order&apos;s own offset, the launch in the
          workspace&apos;s zone.
        </li>
      </ul>
    </details>
  );
}
