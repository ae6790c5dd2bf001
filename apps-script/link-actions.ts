// The settings dialog's link choice: read it, or change it and rewrite every link in the sheet.
import { isLinkTarget, type LinkTarget } from '../shared/passage-link';
import { readLinkTarget, saveLinkTarget } from './link-setting';
import { lockedWrite } from './locked-write';
import { relinkPassages } from './passage-store';
import { relinkPosts } from './posts-tab';
import { openTabs } from './tabs';

export function linkTarget(): LinkTarget {
  return readLinkTarget();
}

export function setLinkTarget(target: unknown): void {
  if (!isLinkTarget(target)) throw new Error('Unknown link target: choose "archive" or "original".');
  lockedWrite(() => {
    saveLinkTarget(target);
    const tabs = openTabs();
    relinkPassages(tabs);
    relinkPosts(tabs);
  });
}
