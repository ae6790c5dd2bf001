// Starts the local runtime: claims the workbook, opens it, runs the add-on's first-open set-up, sets the token, serves HTTP.
import { resolve } from 'node:path';
import { LocalRuntime } from './runtime';
import { googlePageHandler, type GooglePageName } from './google-pages';
import { serve, type RunningServer } from './server';
import { claimWorkbook } from './single-runtime';
import { TOKEN_PROPERTY } from '../tabs';

/** A team token guesses must not find: at least 128 bits written as 32 hex digits. */
export const MIN_TOKEN_LENGTH = 32;

export interface LocalSheetOptions {
  port: number;
  workbookPath: string;
  /** The team token to use; else the one the add-on made on first run. */
  token?: string;
  locale?: string;
  codePath?: string;
  /** False: serve as a script with no web-app deployment (getUrl() gives the /dev address). */
  deployed?: boolean;
  /** Executions running longer are stopped (Google: 6 minutes). */
  executionLimitMs?: number;
  /** Answer /exec with this page of Google's instead of running the add-on (for the connection doctor's tests). */
  googlePage?: GooglePageName;
}

export interface LocalSheet extends RunningServer {
  runtime: LocalRuntime;
  token: string;
  workbookPath: string;
}

/** Refuses to start with a token too short to keep a team's sheet private. */
export function checkToken(token: string | undefined): void {
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    throw new Error(`ANNOTERA_TOKEN is ${token.length} characters long; a team token needs at least ${MIN_TOKEN_LENGTH}. Leave it unset to use the one the add-on makes.`);
  }
}

export async function startLocalSheet(options: LocalSheetOptions): Promise<LocalSheet> {
  checkToken(options.token);
  const codePath = options.codePath ?? resolve('dist/apps-script/Code.js');
  let url = '';
  const claim = await claimWorkbook(options.workbookPath, () => `the Annotera runtime of process ${process.pid} (${url || 'starting'})`);
  try {
    const { workbookPath, locale, deployed, executionLimitMs } = options;
    const runtime = await LocalRuntime.open({ codePath, workbookPath, locale, deployed, executionLimitMs });
    runtime.invoke('onOpen', { authMode: 'LIMITED' });
    if (options.token) runtime.setDocumentProperty(TOKEN_PROPERTY, options.token);
    await runtime.persist();
    const server = await serve(runtime, options.port, undefined, options.googlePage && googlePageHandler(options.googlePage));
    url = server.url;
    runtime.options.url = `${server.url}/exec`;
    const close = async () => {
      await server.close();
      await claim.release();
    };
    return { ...server, close, runtime, token: runtime.documentProperties[TOKEN_PROPERTY], workbookPath: options.workbookPath };
  } catch (error) {
    await claim.release();
    throw error;
  }
}
