// The passage's municipality: prefilled with the detected one, changeable by searching all 290.
import { useState } from 'preact/hooks';
import { municipalityByCode, searchMunicipalities } from '../../shared/municipalities';
import { words } from '../lib/i18n';

interface Props {
  value: string;
  /** Codes detected in the post, best first. */
  detected: string[];
  onChange(code: string): void;
}

export function MunicipalityPicker({ value, detected, onChange }: Props) {
  const [query, setQuery] = useState('');
  const chosen = municipalityByCode(value);
  const matches = query.trim() ? searchMunicipalities(query, 8) : detected.map((code) => municipalityByCode(code)!).filter(Boolean);
  const choose = (code: string) => {
    onChange(code);
    setQuery('');
  };
  return (
    <fieldset class="municipality">
      <legend>{words.municipality}</legend>
      <div class="chosen" aria-live="polite">
        {chosen ? `${chosen.shortName} (${chosen.county.name})` : '—'}
        {chosen && detected[0] === chosen.code ? <span class="hint"> · {words.detected}</span> : null}
      </div>
      <input
        type="search"
        class="municipality-search"
        placeholder={words.searchMunicipality}
        aria-label={words.searchMunicipality}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && query.trim() && matches.length) {
            e.preventDefault();
            choose(matches[0].code);
          }
        }}
      />
      <div class="municipality-list" role="group" aria-label={words.municipality}>
        {matches.map((m) => (
          <button type="button" key={m.code} class={m.code === value ? 'option chosen-option' : 'option'} aria-pressed={m.code === value} onClick={() => choose(m.code)}>
            {m.shortName} <span class="hint">{m.county.shortName}</span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}
