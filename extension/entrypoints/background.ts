// Background service worker: placeholder until the sync issue fills it in.
export default defineBackground(() => {});
