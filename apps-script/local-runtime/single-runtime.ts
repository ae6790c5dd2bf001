// Makes sure one runtime serves a workbook at a time, with a claim the OS drops when the process ends (no lock file to go stale).
import { createHash } from 'node:crypto';
import { realpathSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** Another runtime already serves this workbook. */
export class WorkbookInUse extends Error {}

/**
 * Where the claim lives: on Linux an abstract socket (no file at all), on Windows a named pipe, elsewhere a socket file
 * in the temporary folder; either way it is named after the workbook's real path.
 */
function claimAddress(workbookPath: string): string {
  let real: string;
  try {
    real = join(realpathSync(dirname(workbookPath)), basename(workbookPath));
  } catch {
    real = workbookPath;
  }
  const id = createHash('sha256').update(real).digest('hex').slice(0, 32);
  if (process.platform === 'linux') return `\0annotera-runtime-${id}`;
  if (process.platform === 'win32') return `\\\\?\\pipe\\annotera-runtime-${id}`;
  return join(tmpdir(), `annotera-${id}.sock`);
}

const listen = (server: Server, address: string) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      resolve();
    });
  });

/** What the runtime holding the claim says about itself, or null when nobody answers (a claim left by a dead process). */
const ask = (address: string) =>
  new Promise<string | null>((resolve) => {
    const socket = createConnection(address);
    let said = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (said += chunk));
    socket.on('end', () => resolve(said || 'another process'));
    socket.on('error', () => resolve(null));
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve('another process (it did not answer)');
    });
  });

/** Claims the workbook for this process; throws WorkbookInUse naming the runtime that already serves it. */
export async function claimWorkbook(workbookPath: string, describe: () => string): Promise<{ release(): Promise<void> }> {
  const address = claimAddress(workbookPath);
  const server = createServer((socket) => socket.end(describe()));
  server.unref();
  try {
    await listen(server, address);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    const holder = await ask(address);
    if (holder !== null) {
      throw new WorkbookInUse(`${workbookPath} is already served by ${holder}. Stop that runtime first, or set ANNOTERA_WORKBOOK to another file.`);
    }
    // A socket file left by a runtime that died: nobody answers on it, so it is taken over.
    rmSync(address, { force: true });
    await listen(server, address);
  }
  return { release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
