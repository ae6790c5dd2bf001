// Which tab the side panel works for: the one given as ?tab=<id>, else the active tab of its window, followed as it changes.
export function followTab(fixed: number | null, onTab: (tabId: number | null) => void): () => void {
  if (fixed !== null) {
    onTab(fixed);
    return () => undefined;
  }
  const active = () => void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => onTab(tab?.id ?? null));
  const updated = (_id: number, change: { status?: string }) => change.status === 'complete' && active();
  browser.tabs.onActivated.addListener(active);
  browser.tabs.onUpdated.addListener(updated);
  active();
  return () => {
    browser.tabs.onActivated.removeListener(active);
    browser.tabs.onUpdated.removeListener(updated);
  };
}
