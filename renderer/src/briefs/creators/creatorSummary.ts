import {
  CREATOR_PLATFORM_LABELS,
  formatHandle,
  HANDLE_PLATFORMS,
  type Creator,
} from '../../../../shared/model';

/**
 * The directory's line under a creator's name: each handle with its platform (as the PDF's
 * header writes them), the main platform's first, then the region. The handles used to be
 * listed bare after the main platform ("TikTok · @josemaria · @jose.maria.studio"), so nobody
 * could tell which was the Instagram one.
 */
export function creatorSummary(c: Creator): string {
  const withHandle = HANDLE_PLATFORMS.filter((p) => c.handles[p]);
  const mainFirst = [
    ...withHandle.filter((p) => p === c.platform),
    ...withHandle.filter((p) => p !== c.platform),
  ];
  const handles = mainFirst.map(
    (p) => `${CREATOR_PLATFORM_LABELS[p]} ${formatHandle(c.handles[p])}`,
  );
  // Where they mainly post is still said when that platform has no handle here.
  const main = mainFirst[0] === c.platform ? [] : [CREATOR_PLATFORM_LABELS[c.platform]];
  return [...main, ...handles, c.region].filter(Boolean).join(' · ');
}
