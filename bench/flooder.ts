// One attacker for bench/flood.ts, in its own OS process: posts junk with a wrong token to a local /exec until told to stop or its time is up.
// Arguments: the /exec address (127.0.0.1 only), the junk's size in bytes, the most seconds to run. Reports its answers and CPU time.

export interface FlooderReport {
  /** Answers by error code ('failed': no answer, e.g. the connection was reset). */
  answers: Record<string, number>;
  /** CPU time the flooder used, user and system, in ms. */
  cpuMs: number;
}

const [exec, size, seconds] = process.argv.slice(2);
if (new URL(exec).hostname !== '127.0.0.1') throw new Error(`A flooder posts to 127.0.0.1 only, not ${exec}.`);

/** A JSON batch with a wrong token, padded with junk themes to about `bytes` bytes. */
const junkOfSize = (bytes: number) => {
  const element = '"not-a-theme",';
  return JSON.stringify({ v: 1, token: 'wrong', ops: [{ op: 'upsert', passage: { themes: Array(Math.floor(bytes / element.length)).fill('not-a-theme') } }] });
};

const junk = junkOfSize(Number(size));
const deadline = Date.now() + Number(seconds) * 1000;
let stopped = false;
process.on('message', (message) => (stopped ||= message === 'stop'));
process.on('disconnect', () => (stopped = true));

const answers: Record<string, number> = {};
const post = () =>
  fetch(exec, { method: 'POST', body: junk })
    .then((response) => response.json() as Promise<{ error?: { code: string } }>)
    .then((answer) => answer.error?.code ?? 'ok', () => 'failed');

process.send!('ready');
while (!stopped && Date.now() < deadline) {
  const code = await post();
  answers[code] = (answers[code] ?? 0) + 1;
}
const cpu = process.cpuUsage();
if (process.connected) process.send!({ answers, cpuMs: (cpu.user + cpu.system) / 1000 } satisfies FlooderReport, () => process.exit(0));
else process.exit(0);
