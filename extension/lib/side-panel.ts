// Opening the side panel for a tab (from a shortcut, the context menu or the popup, each a user gesture Chrome requires).
import type { Browser } from 'wxt/browser';

export const PANEL_MENU_ID = 'annotera-open-panel';

export function openSidePanel(tab: Pick<Browser.tabs.Tab, 'id' | 'windowId'>): Promise<void> {
  return tab.id !== undefined ? browser.sidePanel.open({ tabId: tab.id }) : browser.sidePanel.open({ windowId: tab.windowId });
}
