// Searchable multiple choice of codebook themes: a search field, the chosen themes as chips, and checkboxes.
import { useState } from 'preact/hooks';
import { labelFor, type Codebook } from '../../shared/codebook';
import { language, words } from '../lib/i18n';

interface Props {
  codebook: Codebook;
  chosen: string[];
  onChange(themes: string[]): void;
}

export function ThemePicker({ codebook, chosen, onChange }: Props) {
  const [query, setQuery] = useState('');
  const label = (id: string) => {
    const theme = codebook.themes.find((t) => t.id === id);
    return theme ? labelFor(theme.label, language) : id;
  };
  const shown = codebook.themes.filter((t) => labelFor(t.label, language).toLowerCase().includes(query.trim().toLowerCase()));
  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  return (
    <fieldset class="themes">
      <legend>{words.themes}</legend>
      <div class="chips">
        {chosen.map((id) => (
          <button type="button" class="chip" key={id} onClick={() => toggle(id)} aria-label={`${label(id)} ✕`}>
            {label(id)} ✕
          </button>
        ))}
      </div>
      <input
        type="search"
        class="theme-search"
        placeholder={words.searchThemes}
        aria-label={words.searchThemes}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && query.trim() && shown.length) {
            e.preventDefault();
            toggle(shown[0].id);
            setQuery('');
          }
        }}
      />
      <div class="theme-list" role="group" aria-label={words.themes}>
        {shown.map((theme) => (
          <label key={theme.id} class="theme-option">
            <input type="checkbox" checked={chosen.includes(theme.id)} onChange={() => toggle(theme.id)} />
            <span class="swatch" style={{ background: theme.color }} />
            {labelFor(theme.label, language)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
