// "Borttagen — Ångra" for ten seconds after a delete; Ångra brings the passage back.
import { useEffect } from 'preact/hooks';
import { t } from '../lib/i18n';

export const UNDO_MS = 10_000;

interface Props {
  onUndo: () => void;
  onDone: () => void;
}

export function UndoBar({ onUndo, onDone }: Props) {
  useEffect(() => {
    const timer = setTimeout(onDone, UNDO_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div class="undo" role="status" lang={t('lang')}>
      <span>{t('deleted')} —</span>
      <button type="button" onClick={onUndo}>{t('undo')}</button>
    </div>
  );
}
