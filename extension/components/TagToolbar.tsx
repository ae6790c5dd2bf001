// The toolbar beside a selection or a highlight: kind, themes, municipality, note, save — Ctrl+Enter saves, Esc cancels.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Codebook } from '../../shared/codebook';
import { KINDS } from '../../shared/kinds';
import { t } from '../lib/i18n';
import type { Tagging } from '../lib/passage-edit';
import { MunicipalityPicker } from './MunicipalityPicker';
import { ThemePicker } from './ThemePicker';

export interface TagToolbarProps {
  mode: 'create' | 'edit';
  quote: string;
  initial: Tagging;
  /** Themes pre-chosen from the codebook's keywords (shown as suggested). */
  suggested: readonly string[];
  detected: string[];
  codebook: Codebook;
  error?: string;
  onSave: (tagging: Tagging) => void;
  onCancel: () => void;
  onDelete?: () => void;
}

export function TagToolbar(props: TagToolbarProps) {
  const [tagging, setTagging] = useState<Tagging>(props.initial);
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const kinds = useRef<HTMLFieldSetElement>(null);
  // Focus moves to the kind as the toolbar is drawn, not a frame later, so it never takes the focus from a field the user is already typing in.
  useLayoutEffect(() => kinds.current?.querySelector<HTMLInputElement>('input:checked')?.focus({ preventScroll: true }), []);
  const update = (change: Partial<Tagging>) => setTagging((current) => ({ ...current, ...change }));
  const save = () => {
    if (saving) return;
    if (!tagging.municipality) return setProblem(t('chooseMunicipality'));
    setSaving(true);
    props.onSave(tagging);
  };
  const title = props.mode === 'create' ? t('toolbarTitle') : t('editTitle');
  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      props.onCancel();
    } else if (e.key === 'Enter' && target.tagName === 'INPUT') {
      // Enter in a field never submits: only the save button (or Ctrl+Enter) saves.
      e.preventDefault();
    }
  };
  return (
    <form
      class={collapsed ? 'toolbar collapsed' : 'toolbar'}
      role="dialog"
      lang={t('lang')}
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={onKeyDown}
    >
      <div class="head">
        <span class="title">{title}</span>
        <span class="length">{t('characters', [String(props.quote.length)])}</span>
        <button type="button" class="collapse" tabIndex={-1} aria-expanded={!collapsed} aria-label={collapsed ? t('expand') : t('collapse')} onClick={() => setCollapsed(!collapsed)}>
          {collapsed ? '▸' : '▾'}
        </button>
      </div>
      <blockquote class="quote" tabIndex={-1}>{props.quote}</blockquote>
      <div class="body">
        <fieldset class="kinds" ref={kinds}>
          <legend class="visually-hidden">{t('kind.label')}</legend>
          {KINDS.map((kind) => (
            <label key={kind} class={`kind kind-${kind}`}>
              <input type="radio" name="kind" value={kind} checked={tagging.kind === kind} onChange={() => update({ kind })} />
              <span>{t(`kind.${kind}`)}</span>
            </label>
          ))}
        </fieldset>
        <ThemePicker codebook={props.codebook} chosen={tagging.themes} suggested={props.suggested} onChange={(themes) => update({ themes })} />
        <MunicipalityPicker value={tagging.municipality} detected={props.detected} onChange={(municipality) => update({ municipality })} />
        <textarea
          class="note"
          rows={1}
          maxLength={2000}
          aria-label={t('note')}
          placeholder={t('note')}
          value={tagging.note}
          onInput={(e) => update({ note: e.currentTarget.value })}
        />
      </div>
      {problem || props.error ? <p class="error" role="alert">{problem || props.error}</p> : null}
      <div class="actions">
        <button type="submit" class="save" disabled={saving}>{saving ? t('saving') : t('save')}</button>
        <button type="button" class="cancel" onClick={props.onCancel}>{t('cancel')}</button>
        {props.onDelete ? <button type="button" class="delete" onClick={props.onDelete}>{t('delete')}</button> : null}
        <span class="hint keys">{t('saveHint')}</span>
      </div>
    </form>
  );
}

export const TOOLBAR_CSS = `
:host { all: initial; }
.toolbar { font: 13px/1.35 system-ui, -apple-system, "Segoe UI", sans-serif; color: #202124; background: #fff; border: 1px solid #c4c7c5;
  border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 8px 10px; width: 340px; max-height: 340px; overflow: auto;
  box-sizing: border-box; display: flex; flex-direction: column; gap: 6px; }
.toolbar.collapsed .body, .toolbar.collapsed .quote, .toolbar.collapsed .keys { display: none; }
.head { display: flex; align-items: baseline; gap: 8px; }
.title { font-weight: 600; }
.length { color: #5f6368; font-size: 12px; }
.collapse { margin-left: auto; border: 0; background: none; cursor: pointer; font: inherit; padding: 0 4px; }
.quote { margin: 0; padding: 2px 8px; border-left: 3px solid #f6d365; color: #444; font-style: italic; max-height: 54px; overflow: auto;
  white-space: pre-wrap; flex: none; }
.body { display: flex; flex-direction: column; gap: 6px; }
fieldset { border: 0; padding: 0; margin: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.kinds { display: flex; border: 1px solid #c4c7c5; border-radius: 6px; overflow: hidden; }
.kind { flex: 1; text-align: center; cursor: pointer; position: relative; }
.kind input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
.kind span { display: block; padding: 3px 4px; font-size: 12px; }
.kind + .kind span { border-left: 1px solid #c4c7c5; }
.kind-theme input:checked + span { background: #f6d365; } .kind-plan input:checked + span { background: #8fd3a8; }
.kind-national input:checked + span { background: #9cc3f5; }
.kind input:focus-visible + span { outline: 2px solid #1a73e8; outline-offset: -2px; }
input[type=text], textarea { width: 100%; box-sizing: border-box; padding: 3px 6px; border: 1px solid #c4c7c5; border-radius: 4px; font: inherit; }
textarea { resize: vertical; min-height: 26px; }
.combobox { position: relative; }
.listbox { list-style: none; margin: 2px 0 0; padding: 2px 0; max-height: 110px; overflow: auto; border: 1px solid #c4c7c5; border-radius: 4px; background: #fff; }
.option { padding: 2px 6px; cursor: pointer; display: flex; align-items: center; gap: 4px; }
.option.active { background: #d2e3fc; }
.empty { padding: 2px 6px; color: #5f6368; }
.swatch { width: 10px; height: 10px; border-radius: 2px; display: inline-block; flex: none; }
.chips { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 3px; }
.chips:empty { display: none; }
.chip { border: 1px solid #c4c7c5; border-radius: 12px; background: #f1f3f4; padding: 0 4px 0 8px; font-size: 12px; }
.chip.suggested { border-style: dashed; }
.chip .remove { border: 0; background: none; cursor: pointer; font: inherit; padding: 0 2px; }
.chosen { font-size: 12px; margin-bottom: 2px; }
.hint { color: #5f6368; font-size: 12px; }
.error { color: #b3261e; margin: 0; }
.actions { display: flex; align-items: center; gap: 6px; }
.actions button { font: inherit; padding: 3px 12px; border-radius: 4px; border: 1px solid #c4c7c5; background: #fff; cursor: pointer; }
.actions .save { background: #1a73e8; color: #fff; border-color: #1a73e8; }
.actions .delete { color: #b3261e; }
.keys { margin-left: auto; font-size: 11px; }
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
.undo { font: 13px/1.35 system-ui, sans-serif; background: #303134; color: #fff; border-radius: 6px; padding: 8px 12px; display: flex; gap: 12px; align-items: center; }
.undo button { font: inherit; background: none; border: 0; color: #8ab4f8; cursor: pointer; font-weight: 600; }
`;
