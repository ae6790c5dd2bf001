// The connection doctor's findings in the user's words: what is wrong and what to do.
import type { Diagnosis } from './connection-doctor';
import { t } from './i18n';

export function diagnosisText(diagnosis: Diagnosis): string {
  switch (diagnosis.kind) {
    case 'ok':
      return t('connectionOk', [diagnosis.version]);
    case 'not_exec':
      return t(`doctor.${diagnosis.urlKind}`);
    case 'network':
      return t('doctor.network', [diagnosis.message]);
    case 'sign_in':
      return t('doctor.signIn');
    case 'authorisation':
      return t('doctor.authorisation');
    case 'quota':
      return t('doctor.quota', [diagnosis.message]);
    case 'script_error':
      return t('doctor.scriptError', [diagnosis.message]);
    case 'not_found':
      return t('doctor.notFound');
    case 'wrong_token':
      return t('doctor.wrongToken');
    case 'old_version':
      return t('doctor.oldVersion', [diagnosis.version, diagnosis.needed]);
    case 'add_on_error':
      return t('doctor.addOnError', [diagnosis.code, diagnosis.message]);
    case 'unknown':
      return t('doctor.unknown', [String(diagnosis.status), diagnosis.excerpt]);
  }
}
