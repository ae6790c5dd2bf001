// The extension's words through @wxt-dev/i18n (_locales/sv is the default, _locales/en), and the one language a screen speaks.
import { i18n } from '#i18n';
import { labelFor, type Label } from '../../shared/codebook';

export const t = i18n.t;

/** The language Chrome picked from _locales for this browser ("sv" or "en"): every word on a screen, theme labels too. */
export const language = t('lang');

/** A codebook label in the screen's language. */
export const localLabel = (label: Label) => labelFor(label, language);

const ERRORS = {
  network: 'errorNetwork',
  unauthorized: 'errorUnauthorized',
  server_busy: 'errorBusy',
  too_large: 'errorTooLarge',
  bad_answer: 'errorBadAnswer',
  invalid_request: 'errorInvalid',
} as const;

/** A sync or web-app error code in plain words. */
export const errorText = (code: string) => t((ERRORS as Record<string, (typeof ERRORS)[keyof typeof ERRORS]>)[code] ?? 'errorOther');
