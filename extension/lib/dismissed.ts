// Suggestions the user dismissed, kept per post (one storage key per post address).
import { storage } from '@wxt-dev/storage';

const key = (url: string) => `local:dismissed:${url}` as const;

export const dismissedOf = async (url: string) => new Set((await storage.getItem<string[]>(key(url))) ?? []);

export async function dismiss(url: string, keys: readonly string[]): Promise<void> {
  const current = await dismissedOf(url);
  await storage.setItem(key(url), [...new Set([...current, ...keys])]);
}
