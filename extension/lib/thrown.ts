// The message of anything thrown (kept apart from the web-app client, so the content script does not carry its validators).
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
