// npm run sheet: the local runtime alone — loads dist/apps-script/Code.js over an .xlsx workbook and serves it on 127.0.0.1.
import { resolve } from 'node:path';
import { startLocalSheet } from './start';

try {
  const sheet = await startLocalSheet({
    port: Number(process.env.ANNOTERA_PORT ?? 8787),
    token: process.env.ANNOTERA_TOKEN,
    workbookPath: resolve(process.env.ANNOTERA_WORKBOOK ?? 'data/annotera.xlsx'),
    locale: process.env.ANNOTERA_LOCALE,
  });
  console.log(`Annotera local sheet\n  web app   ${sheet.url}/exec\n  token     ${sheet.token}\n  view      ${sheet.url}/?token=${sheet.token}\n  workbook  ${sheet.workbookPath}`);
} catch (error) {
  // A refusal to start (short token, workbook in use or unreadable) is said in one plain message, without a stack trace.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
