/** Where a drop is released (cross-channel cohesion, from the playbook). */
export const CHANNELS = [
  'email',
  'ads',
  'tiktok',
  'instagram',
  'pinterest',
  'storefront',
  'popup',
] as const;

export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  email: 'Email',
  ads: 'Ads',
  tiktok: 'TikTok',
  instagram: 'Instagram',
  pinterest: 'Pinterest',
  storefront: 'Storefront',
  popup: 'Pop-up',
};

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
