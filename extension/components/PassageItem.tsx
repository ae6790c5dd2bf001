// One passage in the side panel: kind colour, quote (a click scrolls the page to it), themes, municipality, note, author,
// time and sync state; edit and delete.
import type { Codebook } from '../../shared/codebook';
import { municipalityByCode } from '../../shared/municipalities';
import type { Passage } from '../../shared/passage';
import { language, localLabel, t } from '../lib/i18n';

interface Props {
  passage: Passage;
  codebook: Codebook;
  unsent: boolean;
  onGoTo?: () => void;
  onEdit?: () => void;
  onDelete: () => void;
  /** Extra controls (re-attach for an orphan) and the inline editor. */
  children?: preact.ComponentChildren;
}

export function themeNames(codebook: Codebook, ids: readonly string[]): string[] {
  return ids.map((id) => {
    const theme = codebook.themes.find((item) => item.id === id);
    return theme ? localLabel(theme.label) : id;
  });
}

export function PassageItem({ passage, codebook, unsent, onGoTo, onEdit, onDelete, children }: Props) {
  const themes = themeNames(codebook, passage.themes);
  const when = new Date(passage.updatedAt).toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <li class={`passage kind-${passage.kind}`} data-id={passage.id}>
      {onGoTo ? <button type="button" class="goto quote" onClick={onGoTo}>{passage.quote}</button> : <div class="quote">{passage.quote}</div>}
      <div class="meta">
        <span class="kind-name">{t(`kind.${passage.kind}`)}</span> · {municipalityByCode(passage.municipality)?.shortName ?? passage.municipality}
        {themes.length ? <> · <span class="themes">{themes.join(', ')}</span></> : null}
      </div>
      {passage.note ? <div class="note-text">{passage.note}</div> : null}
      <div class="meta">
        {passage.author ? `${t('by', [passage.author])} · ` : ''}{when} · <span class={unsent ? 'state-unsent' : 'state-sent'}>{unsent ? t('pending') : t('sent')}</span>
      </div>
      <div class="row-actions">
        {onEdit ? <button type="button" onClick={onEdit}>{t('edit')}</button> : null}
        <button type="button" class="delete" onClick={onDelete}>{t('delete')}</button>
      </div>
      {children}
    </li>
  );
}
