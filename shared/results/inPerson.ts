/**
 * Whether an order was sold in person, told by its channel (the shop's Source or Channel) and
 * its location. Shops write a location on online orders too: Shopify the one a web order ships
 * from, Square the one that fulfils a Square Online or Instagram sale. So a location is a POS
 * location only when the channel is a point of sale, or names that location itself (Square's
 * item export writes the seller's location as an in-person sale's Channel), or when the file has
 * no channel at all (Etsy's InPerson Location). Any other channel (`web`, `Square Online`,
 * `Online Store`, `Instagram`, an app) is an online sale, whatever location it carries.
 */

// Channels that are a point of sale, as shops write them (compared as `channelName` does).
const POINT_OF_SALE = new Set([
  'pos',
  'point of sale',
  'square point of sale',
  'square pos',
  'shopify pos',
  'in person',
  'in store',
  'register',
  'square register',
  'terminal',
  'square terminal',
  'kiosk',
  'square kiosk',
  'square for retail',
  'square for restaurants',
]);

// A channel or location as compared: lower case, cut where the stored channel is (40
// characters), underscores, hyphens and runs of spaces as one space (`point_of_sale`).
const channelName = (name: string) =>
  name
    .toLowerCase()
    .slice(0, 40)
    .replace(/[\s_-]+/g, ' ')
    .trim();

/** The order's POS location when it was sold in person, else ''. */
export function inPersonLocation(channel: string, location: string): string {
  const place = location.trim();
  if (!place) return '';
  const c = channelName(channel);
  if (!c || POINT_OF_SALE.has(c) || c === channelName(place)) return location;
  return '';
}
