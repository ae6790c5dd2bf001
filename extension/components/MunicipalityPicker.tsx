// The passage's municipality: prefilled with the one detected in the post, changeable through a combobox over all 290.
import { municipalityByCode, searchMunicipalities } from '../../shared/municipalities';
import { t } from '../lib/i18n';
import { Combobox } from './Combobox';

interface Props {
  value: string;
  /** Codes detected in the post, best first. */
  detected: string[];
  onChange: (code: string) => void;
}

export function MunicipalityPicker({ value, detected, onChange }: Props) {
  const chosen = municipalityByCode(value);
  const found = (query: string) => (query.trim() ? searchMunicipalities(query, 8) : detected.flatMap((code) => municipalityByCode(code) ?? []));
  return (
    <Combobox
      id="municipality"
      label={t('municipality')}
      placeholder={chosen ? `${chosen.shortName} (${chosen.county.shortName})` : t('searchMunicipality')}
      options={(query) => found(query).map((m) => ({ id: m.code, label: m.shortName, hint: m.county.shortName }))}
      onPick={onChange}
    >
      <div class="chosen" aria-live="polite">
        {chosen ? `${chosen.shortName} (${chosen.county.name})` : '—'}
        {chosen && detected[0] === chosen.code ? <span class="hint"> · {t('detected')}</span> : null}
      </div>
    </Combobox>
  );
}
