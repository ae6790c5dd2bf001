// The connection doctor's findings in the user's words: what is wrong and what to do.
import type { Diagnosis } from './connection-doctor';
import { fill, words } from './i18n';

export function diagnosisText(diagnosis: Diagnosis): string {
  const d = words.doctor;
  switch (diagnosis.kind) {
    case 'ok':
      return fill(words.connectionOk, { version: diagnosis.version });
    case 'not_exec':
      return d[diagnosis.urlKind];
    case 'network':
      return fill(d.network, { message: diagnosis.message });
    case 'sign_in':
      return d.signIn;
    case 'authorisation':
      return d.authorisation;
    case 'quota':
      return fill(d.quota, { message: diagnosis.message });
    case 'script_error':
      return fill(d.scriptError, { message: diagnosis.message });
    case 'not_found':
      return d.notFound;
    case 'wrong_token':
      return d.wrongToken;
    case 'old_version':
      return fill(d.oldVersion, { version: diagnosis.version, needed: diagnosis.needed });
    case 'add_on_error':
      return fill(d.addOnError, { code: diagnosis.code, message: diagnosis.message });
    case 'unknown':
      return fill(d.unknown, { status: String(diagnosis.status), excerpt: diagnosis.excerpt });
  }
}
