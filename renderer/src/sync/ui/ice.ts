import { iceServerSchema, type IceServer } from '../../../../shared/sync/settings';

/** ICE servers as the panel shows them: one `url [username credential]` a line. */
export function formatIce(ice: IceServer[]): string {
  return ice
    .flatMap((s) =>
      (Array.isArray(s.urls) ? s.urls : [s.urls]).map((u) =>
        [u, s.username, s.credential].filter(Boolean).join(' '),
      ),
    )
    .join('\n');
}

/** One ICE server per line: `url [username credential]`. */
export function parseIce(
  text: string,
): { ok: true; value: IceServer[] } | { ok: false; message: string } {
  const out: IceServer[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [urls, username, credential] = line.split(/\s+/);
    const parsed = iceServerSchema().safeParse({
      urls,
      ...(username ? { username } : {}),
      ...(credential ? { credential } : {}),
    });
    if (!parsed.success)
      return { ok: false, message: `${line}: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
    out.push(parsed.data as IceServer);
  }
  return { ok: true, value: out };
}
