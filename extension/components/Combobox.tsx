// A search field with a list of options (ARIA combobox): typing filters, arrows move, Enter picks the highlighted option and
// never submits the form, Esc clears the search first; the options are not tab stops.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export interface Option {
  id: string;
  label: string;
  hint?: string;
  swatch?: string;
}

interface Props {
  id: string;
  label: string;
  placeholder: string;
  /** The options for a query (the query may be empty). */
  options: (query: string) => Option[];
  /** Whether the list shows before anything is typed. */
  openWhenEmpty?: boolean;
  empty?: string;
  onPick: (id: string) => void;
  /** Backspace in an empty field (to remove the last chip). */
  onBackspace?: () => void;
  children?: ComponentChildren;
}

export function Combobox(props: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState(false);
  const shown = props.options(query).slice(0, 8);
  const open = focused && (query.trim() !== '' || Boolean(props.openWhenEmpty)) && (shown.length > 0 || Boolean(props.empty));
  const listId = `${props.id}-list`;
  const optionId = (i: number) => `${props.id}-option-${i}`;
  const pick = (id: string) => {
    props.onPick(id);
    setQuery('');
    setActive(0);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (shown.length ? (current + step + shown.length) % shown.length : 0));
    } else if (e.key === 'Enter' && !(e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.stopPropagation();
      if (open && shown[active]) pick(shown[active].id);
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      e.stopPropagation();
      setQuery('');
    } else if (e.key === 'Backspace' && !query) {
      props.onBackspace?.();
    }
  };
  return (
    <div class={`combobox ${props.id}`}>
      {props.children}
      <input
        type="text"
        role="combobox"
        class={`${props.id}-search`}
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && shown[active] ? optionId(active) : undefined}
        aria-label={props.label}
        placeholder={props.placeholder}
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <ul class="listbox" id={listId} role="listbox" aria-label={props.label}>
          {shown.length ? shown.map((option, i) => (
            <li
              key={option.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'option active' : 'option'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(option.id)}
            >
              {option.swatch ? <span class="swatch" style={{ background: option.swatch }} /> : null}
              {option.label}
              {option.hint ? <span class="hint"> {option.hint}</span> : null}
            </li>
          )) : <li class="empty" role="presentation">{props.empty}</li>}
        </ul>
      ) : null}
    </div>
  );
}
