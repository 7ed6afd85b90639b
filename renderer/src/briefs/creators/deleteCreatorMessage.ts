/**
 * What deleting a creator does to the drops linked to them, said before it is done. Archived
 * drops are counted too: deleting the creator unlinks them as well (the count used to leave
 * them out, so "not linked to any drop" could still take the creator off a past drop).
 */
export function deleteCreatorMessage(
  name: string,
  linked: readonly { archived: boolean }[],
): string {
  const archived = linked.filter((d) => d.archived).length;
  if (linked.length === 0) return `${name} is not linked to any drop. You can undo this.`;
  const drops =
    linked.length === 1
      ? `${archived ? 'An archived drop links' : '1 drop links'} to ${name}; it will have no creator.`
      : `${linked.length} drops${archived ? ` (${archived === linked.length ? 'all' : archived} archived)` : ''} link to ${name}; they will have no creator.`;
  return `${drops} You can undo this.`;
}
