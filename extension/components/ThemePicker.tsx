// The passage's themes: chosen ones as chips (suggested ones marked), more through a combobox searching the codebook.
import type { Codebook } from '../../shared/codebook';
import { searchThemes } from '../../shared/theme-search';
import { localLabel, t } from '../lib/i18n';
import { Combobox } from './Combobox';

interface Props {
  codebook: Codebook;
  chosen: string[];
  /** Themes pre-chosen from the codebook's keywords. */
  suggested: readonly string[];
  onChange: (themes: string[]) => void;
}

export function ThemePicker({ codebook, chosen, suggested, onChange }: Props) {
  const label = (id: string) => {
    const theme = codebook.themes.find((item) => item.id === id);
    return theme ? localLabel(theme.label) : id;
  };
  const remove = (id: string) => onChange(chosen.filter((c) => c !== id));
  return (
    <Combobox
      id="theme"
      label={t('themes')}
      placeholder={t('searchThemes')}
      empty={t('noThemeMatch')}
      options={(query) => searchThemes(codebook, query)
        .filter((theme) => !chosen.includes(theme.id))
        .map((theme) => ({ id: theme.id, label: localLabel(theme.label), swatch: theme.color }))}
      onPick={(id) => onChange([...chosen, id])}
      onBackspace={() => chosen.length && remove(chosen[chosen.length - 1])}
    >
      <div class="chips" aria-live="polite">
        {chosen.map((id) => (
          <span class={suggested.includes(id) ? 'chip suggested' : 'chip'} key={id} data-theme={id}>
            {label(id)}
            {suggested.includes(id) ? <span class="hint"> · {t('suggested')}</span> : null}
            <button type="button" tabIndex={-1} class="remove" aria-label={t('removeTheme', [label(id)])} onClick={() => remove(id)}>✕</button>
          </span>
        ))}
      </div>
    </Combobox>
  );
}
