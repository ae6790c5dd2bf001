// npm run deploy: builds the add-on, pushes it with clasp and moves the one web-app deployment to the new version; prints its /exec address.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the deployment id is kept between runs (git-ignored): the /exec address depends on it alone. */
export const DEPLOYMENT_FILE = '.annotera-deployment.json';
const CLASP_PROJECT = '.clasp.json';
const API_SETTINGS = 'https://script.google.com/home/usersettings';

export interface DeployOptions {
  /** The repository: .clasp.json and the deployment file live here, and clasp runs here. */
  root: string;
  /** The clasp executable. */
  clasp: string;
  /** Builds dist/apps-script. */
  build: () => void;
  /** The Script ID to use (written to .clasp.json); else the one .clasp.json holds. */
  scriptId?: string;
  /** The add-on's version, for the deployment's description. */
  version: string;
  log: (line: string) => void;
}

export interface Deployed {
  url: string;
  deploymentId: string;
  created: boolean;
}

/** A failure the user can fix, said in plain words with what to do. */
export class DeployError extends Error {}

interface Ran {
  code: number;
  output: string;
  stdout: string;
}

function run(command: string, args: string[], cwd: string): Promise<Ran> {
  return new Promise((done) => {
    execFile(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout, output: `${stdout}\n${stderr}${error && typeof error.code !== 'number' ? `\n${error.message}` : ''}`.trim() });
    });
  });
}

const NOT_LOGGED_IN = 'clasp is not logged in to Google (or its login has expired). Run: npx clasp login — then npm run deploy again.';
const API_OFF = `The Apps Script API is turned off for your Google account, so clasp cannot push. Turn it on at ${API_SETTINGS} (Google Apps Script API → On), wait a minute, then run npm run deploy again.`;

/** A clasp failure in plain words: what it means and what to do. */
export function explainClaspFailure(args: string[], output: string): string {
  if (/No credentials found|Not logged in|invalid_grant|invalid_rapt|login required/i.test(output)) return NOT_LOGGED_IN;
  if (/Apps Script API|usersettings/i.test(output)) return API_OFF;
  if (/Project settings not found/i.test(output)) return `clasp finds no ${CLASP_PROJECT}. Run npm run deploy -- --script-id <your Script ID>.`;
  if (/PERMISSION_DENIED|does not have permission|caller does not have permission/i.test(output)) {
    return 'Your Google account may not edit this script. Check the Script ID in .clasp.json (Apps Script editor → Project Settings → Script ID) and that you are logged in as its owner (npx clasp show-authorized-user).';
  }
  return `clasp ${args.join(' ')} failed:\n${output}`;
}

async function clasp(options: DeployOptions, args: string[]): Promise<string> {
  const ran = await run(options.clasp, args, options.root).catch((error: unknown) => {
    throw new DeployError(`clasp could not be started (${String(error)}). Run npm ci first.`);
  });
  if (ran.code !== 0) throw new DeployError(explainClaspFailure(args, ran.output));
  return ran.stdout;
}

/** The JSON object clasp printed with --json (it may print other lines around it). */
function printedJson(stdout: string, args: string[]): Record<string, unknown> {
  const start = stdout.indexOf('{');
  const end = stdout.lastIndexOf('}');
  try {
    return JSON.parse(stdout.slice(start, end + 1)) as Record<string, unknown>;
  } catch {
    throw new DeployError(`clasp ${args.join(' ')} answered in a way this script does not understand:\n${stdout}`);
  }
}

function projectScriptId(options: DeployOptions): string {
  const path = join(options.root, CLASP_PROJECT);
  if (options.scriptId) {
    if (!/^[\w-]{20,}$/.test(options.scriptId)) throw new DeployError(`"${options.scriptId}" is not a Script ID (Apps Script editor → Project Settings → IDs → Script ID).`);
    writeFileSync(path, `${JSON.stringify({ scriptId: options.scriptId, rootDir: 'dist/apps-script' }, null, 2)}\n`);
    return options.scriptId;
  }
  if (!existsSync(path)) {
    throw new DeployError('No .clasp.json yet. Copy the Script ID (Apps Script editor → Project Settings → IDs) and run: npm run deploy -- --script-id <Script ID>');
  }
  const scriptId = (JSON.parse(readFileSync(path, 'utf8')) as { scriptId?: unknown }).scriptId;
  if (typeof scriptId !== 'string' || !scriptId) throw new DeployError('.clasp.json holds no scriptId. Run: npm run deploy -- --script-id <Script ID>');
  return scriptId;
}

function keptDeployment(root: string, scriptId: string): string | null {
  const path = join(root, DEPLOYMENT_FILE);
  if (!existsSync(path)) return null;
  const kept = JSON.parse(readFileSync(path, 'utf8')) as { scriptId?: unknown; deploymentId?: unknown };
  return kept.scriptId === scriptId && typeof kept.deploymentId === 'string' ? kept.deploymentId : null;
}

export const execUrl = (deploymentId: string) => `https://script.google.com/macros/s/${deploymentId}/exec`;

/** Builds, pushes, and creates the web-app deployment the first time or moves the kept one to a new version. */
export async function deploy(options: DeployOptions): Promise<Deployed> {
  const scriptId = projectScriptId(options);
  const who = printedJson(await clasp(options, ['--json', 'show-authorized-user']), ['show-authorized-user']);
  if (who.loggedIn !== true) throw new DeployError(NOT_LOGGED_IN);
  options.log(`Building the add-on…`);
  options.build();
  options.log(`Pushing to script ${scriptId}${typeof who.email === 'string' ? ` as ${who.email}` : ''}…`);
  await clasp(options, ['push', '--force']);
  const description = `Annotera ${options.version}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const kept = keptDeployment(options.root, scriptId);
  const args = kept
    ? ['--json', 'update-deployment', kept, '--description', description]
    : ['--json', 'create-deployment', '--description', description];
  options.log(kept ? `Moving deployment ${kept} to a new version…` : 'Creating the web-app deployment…');
  const ran = await run(options.clasp, args, options.root);
  if (ran.code !== 0 && kept && /not found|NOT_FOUND/i.test(ran.output)) {
    throw new DeployError(
      `The deployment ${kept} no longer exists (removed in the Apps Script editor?). Delete ${DEPLOYMENT_FILE} and run npm run deploy again: it makes a new deployment, whose new /exec address every team member must paste into the extension.`,
    );
  }
  if (ran.code !== 0) throw new DeployError(explainClaspFailure(args, ran.output));
  const deploymentId = printedJson(ran.stdout, args).deploymentId;
  if (typeof deploymentId !== 'string' || !deploymentId) throw new DeployError(`clasp did not say which deployment it made:\n${ran.stdout}`);
  writeFileSync(join(options.root, DEPLOYMENT_FILE), `${JSON.stringify({ scriptId, deploymentId }, null, 2)}\n`);
  return { url: execUrl(deploymentId), deploymentId, created: !kept };
}

async function main(): Promise<void> {
  const root = resolve(new URL('..', import.meta.url).pathname);
  const at = process.argv.indexOf('--script-id');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  try {
    const deployed = await deploy({
      root,
      clasp: process.env.ANNOTERA_CLASP ?? join(root, 'node_modules/.bin/clasp'),
      build: () => execFileSync(process.execPath, [join(root, 'scripts/build-apps-script.mjs')], { cwd: root, stdio: 'inherit' }),
      scriptId: at > 0 ? process.argv[at + 1] : undefined,
      version,
      log: (line) => console.log(line),
    });
    console.log(`
The web app is deployed${deployed.created ? '' : ' (same address as before)'}:

  ${deployed.url}

${deployed.created ? `First deployment: reload the spreadsheet, choose Extensions → Annotera → Inställningar and authorise the script once
(Google calls it unverified because it is your own script; see the README). Until then the web app answers "Authorization is required".
` : ''}Paste the address into the extension (Options → web app address) with the team token (shown in that same dialog).
Then check it end to end: npm run smoke -- ${deployed.url} <token>`);
  } catch (error) {
    console.error(error instanceof DeployError ? error.message : error);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === new URL(import.meta.url).pathname) await main();
