// "Förslag": the plan items and national requests the post's structure shows and nobody has tagged; accept, dismiss, accept all.
import type { Codebook } from '../../shared/codebook';
import { municipalityByCode } from '../../shared/municipalities';
import type { Suggestion } from '../../shared/suggestions';
import { suggestThemes } from '../../shared/theme-search';
import { t } from '../lib/i18n';
import { themeNames } from './PassageItem';

interface Props {
  suggestions: Suggestion[];
  codebook: Codebook;
  municipality: string;
  onAccept: (items: Suggestion[]) => void;
  onReject: (item: Suggestion) => void;
}

export function SuggestionList({ suggestions, codebook, municipality, onAccept, onReject }: Props) {
  const place = municipalityByCode(municipality)?.shortName ?? t('unknownMunicipality');
  return (
    <section class="suggestions" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t('suggestions')} <span class="count">({suggestions.length})</span></h2>
      <p class="meta">{suggestions.length ? t('suggestionsHelp') : t('noSuggestions')}</p>
      {suggestions.length ? <button type="button" class="primary" disabled={!municipality} onClick={() => onAccept(suggestions)}>{t('acceptAll')}</button> : null}
      <ul class="passages">
        {suggestions.map((item) => (
          <li key={item.key} class={`suggestion kind-${item.kind}`}>
            <div class="quote">{item.text}</div>
            <div class="meta">{t(`kind.${item.kind}`)} · {place}{themeNames(codebook, suggestThemes(codebook, item.text)).map((name) => ` · ${name}`).join('')}</div>
            <div class="row-actions">
              <button type="button" disabled={!municipality} onClick={() => onAccept([item])}>{t('accept')}</button>
              <button type="button" onClick={() => onReject(item)}>{t('reject')}</button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
