// The toolbar beside a selection or a highlight: kind, themes, municipality, note; Enter saves, Esc cancels.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Codebook } from '../../shared/codebook';
import { KINDS } from '../../shared/passage';
import { words } from '../lib/i18n';
import type { Tagging } from '../lib/passage-edit';
import { MunicipalityPicker } from './MunicipalityPicker';
import { ThemePicker } from './ThemePicker';

export interface TagToolbarProps {
  mode: 'create' | 'edit';
  quote: string;
  initial: Tagging;
  detected: string[];
  codebook: Codebook;
  error?: string;
  onSave(tagging: Tagging): void;
  onCancel(): void;
  onDelete?(): void;
}

export function TagToolbar(props: TagToolbarProps) {
  const [tagging, setTagging] = useState<Tagging>(props.initial);
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus({ preventScroll: true }), []);
  const update = (change: Partial<Tagging>) => setTagging((current) => ({ ...current, ...change }));
  const save = () => {
    if (saving) return;
    if (!tagging.municipality) return setProblem(words.chooseMunicipality);
    setSaving(true);
    props.onSave(tagging);
  };
  return (
    <form
      class="toolbar"
      role="dialog"
      aria-label={props.mode === 'create' ? words.toolbarTitle : words.editTitle}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <div class="title">{props.mode === 'create' ? words.toolbarTitle : words.editTitle}</div>
      <blockquote class="quote">{props.quote.length > 160 ? `${props.quote.slice(0, 160)}…` : props.quote}</blockquote>
      <fieldset class="kinds">
        <legend>{words.kind}</legend>
        {KINDS.map((kind, i) => (
          <label key={kind} class={`kind kind-${kind}`}>
            <input
              ref={i === 0 ? first : undefined}
              type="radio"
              name="kind"
              value={kind}
              checked={tagging.kind === kind}
              onChange={() => update({ kind })}
            />
            {words.kinds[kind]}
          </label>
        ))}
      </fieldset>
      <ThemePicker codebook={props.codebook} chosen={tagging.themes} onChange={(themes) => update({ themes })} />
      <MunicipalityPicker value={tagging.municipality} detected={props.detected} onChange={(municipality) => update({ municipality })} />
      <label class="note">
        {words.note}
        <textarea
          rows={2}
          maxLength={2000}
          value={tagging.note}
          onInput={(e) => update({ note: e.currentTarget.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              save();
            }
          }}
        />
      </label>
      {problem || props.error ? <p class="error" role="alert">{problem || props.error}</p> : null}
      <div class="actions">
        <button type="submit" class="save" disabled={saving}>{words.save}</button>
        <button type="button" class="cancel" onClick={props.onCancel}>{words.cancel}</button>
        {props.onDelete ? <button type="button" class="delete" onClick={props.onDelete}>{words.delete}</button> : null}
      </div>
    </form>
  );
}

export const TOOLBAR_CSS = `
:host { all: initial; }
.toolbar { font: 13px/1.35 system-ui, -apple-system, "Segoe UI", sans-serif; color: #202124; background: #fff; border: 1px solid #c4c7c5;
  border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 10px 12px; width: 340px; max-height: 70vh; overflow: auto; box-sizing: border-box; }
.title { font-weight: 600; margin-bottom: 4px; }
.quote { margin: 0 0 8px; padding: 4px 8px; border-left: 3px solid #f6d365; color: #444; font-style: italic; }
fieldset { border: 0; padding: 0; margin: 0 0 8px; }
legend { font-weight: 600; padding: 0; margin-bottom: 2px; }
.kind { margin-right: 10px; white-space: nowrap; }
.kind-theme input { accent-color: #c9a227; } .kind-plan input { accent-color: #2e8b57; } .kind-national input { accent-color: #3b73c8; }
input[type=search], textarea { width: 100%; box-sizing: border-box; padding: 4px 6px; border: 1px solid #c4c7c5; border-radius: 4px; font: inherit; }
.theme-list { max-height: 96px; overflow: auto; margin-top: 4px; }
.theme-option { display: flex; align-items: center; gap: 4px; padding: 1px 0; }
.swatch { width: 10px; height: 10px; border-radius: 2px; display: inline-block; }
.chips { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 4px; }
.chip { border: 1px solid #c4c7c5; border-radius: 12px; background: #f1f3f4; padding: 1px 8px; font: inherit; cursor: pointer; }
.chosen { margin-bottom: 4px; }
.hint { color: #5f6368; font-size: 12px; }
.municipality-list { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
.option { border: 1px solid #c4c7c5; border-radius: 4px; background: #fff; padding: 2px 6px; font: inherit; cursor: pointer; }
.chosen-option { background: #d2e3fc; border-color: #8ab4f8; }
.note { display: block; font-weight: 600; }
.error { color: #b3261e; margin: 4px 0; }
.actions { display: flex; gap: 6px; margin-top: 8px; }
.actions button { font: inherit; padding: 4px 12px; border-radius: 4px; border: 1px solid #c4c7c5; background: #fff; cursor: pointer; }
.actions .save { background: #1a73e8; color: #fff; border-color: #1a73e8; }
.actions .delete { margin-left: auto; color: #b3261e; }
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
`;
