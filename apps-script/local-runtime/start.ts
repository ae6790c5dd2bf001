// Starts the local runtime: opens the workbook, runs the add-on's first-open set-up, sets the token, serves HTTP.
import { resolve } from 'node:path';
import { LocalRuntime } from './runtime';
import { googlePageHandler, type GooglePageName } from './google-pages';
import { serve, type RunningServer } from './server';
import { TOKEN_PROPERTY } from '../tabs';

export interface LocalSheetOptions {
  port: number;
  workbookPath: string;
  /** The team token to use; else the one the add-on made on first run. */
  token?: string;
  locale?: string;
  codePath?: string;
  /** Answer /exec with this page of Google's instead of running the add-on (for the connection doctor's tests). */
  googlePage?: GooglePageName;
}

export interface LocalSheet extends RunningServer {
  runtime: LocalRuntime;
  token: string;
  workbookPath: string;
}

export async function startLocalSheet(options: LocalSheetOptions): Promise<LocalSheet> {
  const codePath = options.codePath ?? resolve('dist/apps-script/Code.js');
  const runtime = await LocalRuntime.open({ codePath, workbookPath: options.workbookPath, locale: options.locale });
  runtime.invoke('onOpen', { authMode: 'LIMITED' });
  if (options.token) runtime.setDocumentProperty(TOKEN_PROPERTY, options.token);
  await runtime.persist();
  const server = await serve(runtime, options.port, undefined, options.googlePage && googlePageHandler(options.googlePage));
  runtime.options.url = `${server.url}/exec`;
  return { ...server, runtime, token: runtime.documentProperties[TOKEN_PROPERTY], workbookPath: options.workbookPath };
}
