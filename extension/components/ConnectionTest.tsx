// "Testa anslutningen" and the connection doctor's finding in plain words, announced: on the options page and in the side panel.
import { useState } from 'preact/hooks';
import type { Diagnosis } from '../lib/connection-doctor';
import { diagnosisText } from '../lib/diagnosis-text';
import { t } from '../lib/i18n';

/** A button that runs `check` (disabled while it runs) and a live region that says what the check found. */
export function ConnectionTest({ check }: { check: () => Promise<Diagnosis> }) {
  const [running, setRunning] = useState(false);
  const [diagnosis, setDiagnosis] = useState<Diagnosis | null>(null);
  const run = async () => {
    setRunning(true);
    try {
      setDiagnosis(await check());
    } finally {
      setRunning(false);
    }
  };
  const tone = running || !diagnosis ? '' : diagnosis.kind === 'ok' ? 'ok' : 'error';
  return (
    <>
      <button type="button" disabled={running} onClick={() => void run()}>{t('testConnection')}</button>
      {/* Always in the page, so that screen readers announce what is written into it. */}
      <p class={`diagnosis ${tone}`} role="status">
        {running ? t('testingConnection') : diagnosis ? diagnosisText(diagnosis) : ''}
      </p>
    </>
  );
}
