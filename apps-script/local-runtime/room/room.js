// The local room's page script: tabs, the Annotera menu, the add-on's sidebar and dialogs, the selection and hand edits; plain DOM, text only.
(function () {
  'use strict';
  var grid = document.getElementById('grid');
  var tabs = document.getElementById('tabs');
  var sidebar = document.getElementById('sidebar');
  var dialog = document.getElementById('dialog');
  var status = document.getElementById('room-status');
  var menuButton = document.getElementById('menu-button');
  var menu = document.getElementById('menu');
  var closeWord = document.querySelector('.room').getAttribute('data-close');
  var version = null;
  var shownTab = currentTab();
  var latest = 0; // answers to older tab requests are dropped
  var selected = null; // { row, column } or { row } for a whole row
  var editing = null;

  function table() { return grid.querySelector('table.grid'); }
  function currentTab() { var t = table(); return t ? t.getAttribute('data-sheet') : ''; }
  function say(text, isError) { status.textContent = text || ''; status.className = isError ? 'error' : ''; }

  function request(method, path, body) {
    var init = { method: method, headers: { 'x-annotera-room': '1' } };
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) { return response.json(); });
  }

  // ---- tabs and the grid
  function showSelection() {
    var t = table();
    if (!t || !selected) return;
    var row = t.querySelector('tr[data-row="' + selected.row + '"]');
    if (!row) return;
    if (!selected.column) { row.setAttribute('aria-selected', 'true'); return; }
    var cell = row.querySelector('td[data-col="' + selected.column + '"]');
    if (cell) cell.setAttribute('aria-selected', 'true');
  }

  function loadTab() {
    var name = shownTab;
    var mine = ++latest;
    return request('GET', '/room/tab?name=' + encodeURIComponent(name)).then(function (answer) {
      if (mine !== latest) return;
      if (!answer.ok) return say(answer.error.message, true);
      if (editing) return; // keep what the user is typing; the next poll redraws
      if (name !== currentTab()) selected = null;
      version = answer.version;
      grid.innerHTML = answer.grid; // server-rendered, every value escaped there
      tabs.innerHTML = answer.tabs;
      showSelection();
    });
  }

  function select(range) {
    var t = table();
    if (!t) return;
    t.querySelectorAll('[aria-selected]').forEach(function (el) { el.removeAttribute('aria-selected'); });
    selected = range;
    showSelection();
    request('POST', '/room/select', {
      sheet: currentTab(), row: range.row, column: range.column || 1, rows: 1,
      columns: range.column ? 1 : Number(t.querySelector('tr.letters th:last-child').getAttribute('data-col')),
    });
  }

  tabs.addEventListener('click', function (event) {
    var link = event.target.closest('a[data-tab]');
    if (!link) return;
    event.preventDefault();
    var name = link.getAttribute('data-tab');
    history.replaceState(null, '', '/?tab=' + encodeURIComponent(name));
    shownTab = name;
    loadTab().then(function () { select({ row: 1, column: 1 }); });
  });

  grid.addEventListener('click', function (event) {
    if (event.target.closest('a, input')) return;
    var cell = event.target.closest('td[data-col]');
    var rowHeader = event.target.closest('th[scope="row"]');
    var row = event.target.closest('tr[data-row]');
    if (!row) return;
    if (cell) select({ row: Number(row.getAttribute('data-row')), column: Number(cell.getAttribute('data-col')) });
    else if (rowHeader) select({ row: Number(row.getAttribute('data-row')) });
  });

  // ---- hand edits (only cells the server marks data-edit)
  function startEdit(cell, initial) {
    if (!cell || !cell.hasAttribute('data-edit') || editing) return;
    var row = cell.closest('tr');
    editing = {
      sheet: currentTab(), row: Number(row.getAttribute('data-row')), column: Number(cell.getAttribute('data-col')),
      before: cell.textContent, key: row.getAttribute('data-key') || '', cell: cell,
    };
    var input = document.createElement('input');
    input.value = initial === undefined ? cell.textContent : initial;
    input.setAttribute('aria-label', table().querySelector('tr.letters th[data-col="' + editing.column + '"]').textContent + editing.row);
    var choices = cell.getAttribute('data-choices');
    if (choices) {
      var list = document.createElement('datalist');
      list.id = 'choices';
      JSON.parse(choices).forEach(function (choice) { var option = document.createElement('option'); option.value = choice; list.appendChild(option); });
      input.setAttribute('list', 'choices');
    }
    cell.replaceChildren(input);
    if (list) cell.appendChild(list);
    input.focus();
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') { event.preventDefault(); finishEdit(true); }
      if (event.key === 'Escape') { event.preventDefault(); finishEdit(false); }
    });
    input.addEventListener('blur', function () { finishEdit(true); });
  }

  function finishEdit(commit) {
    var edit = editing;
    if (!edit) return;
    editing = null;
    var text = edit.cell.querySelector('input').value;
    if (!commit || text === edit.before) return loadTab();
    request('POST', '/room/edit', { sheet: edit.sheet, row: edit.row, column: edit.column, text: text, before: edit.before, key: edit.key })
      .then(function (answer) { say(answer.ok ? '' : answer.error.message, !answer.ok); return loadTab(); });
  }

  grid.addEventListener('dblclick', function (event) { startEdit(event.target.closest('td[data-edit]')); });
  document.addEventListener('keydown', function (event) {
    if (editing || !selected || !selected.column || event.target.closest('input, button, a, dialog')) return;
    var cell = table().querySelector('tr[data-row="' + selected.row + '"] td[data-col="' + selected.column + '"]');
    if (event.key === 'Enter' || event.key === 'F2') { event.preventDefault(); startEdit(cell); }
    else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) { event.preventDefault(); startEdit(cell, event.key); }
  });

  // ---- the add-on's sidebar and dialogs
  function frame(ref) {
    var title = document.createElement('div');
    title.className = 'ui-title';
    var name = document.createElement('span');
    name.textContent = ref.title;
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', closeWord);
    close.addEventListener('click', function () { closeUi(ref.id); });
    title.appendChild(name);
    title.appendChild(close);
    var iframe = document.createElement('iframe');
    iframe.src = '/room/ui/' + ref.id;
    iframe.title = ref.title;
    return [title, iframe];
  }

  function showUi(ref) {
    var holder = ref.kind === 'sidebar' ? sidebar : dialog;
    holder.replaceChildren.apply(holder, frame(ref));
    holder.setAttribute('data-ui', String(ref.id));
    holder.setAttribute('aria-label', ref.title);
    if (ref.kind === 'sidebar') sidebar.hidden = false;
    else if (!dialog.open) dialog.showModal();
  }

  function closeUi(id) {
    if (sidebar.getAttribute('data-ui') === String(id)) { sidebar.hidden = true; sidebar.replaceChildren(); sidebar.removeAttribute('data-ui'); }
    if (dialog.getAttribute('data-ui') === String(id)) { dialog.close(); dialog.replaceChildren(); dialog.removeAttribute('data-ui'); }
  }

  /** After the add-on ran: show what it showed, and the sheet it activated, as Sheets does. */
  function afterRun(shown, activated) {
    (shown || []).forEach(showUi);
    if (activated) {
      shownTab = activated;
      history.replaceState(null, '', '/?tab=' + encodeURIComponent(activated));
    }
    return loadTab();
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== location.origin || !data || typeof data !== 'object') return;
    if (data.annotera === 'close') closeUi(data.ui);
    if (data.annotera === 'ran') afterRun(data.shown, data.activated);
  });

  // ---- the Annotera menu
  function openMenu(open) {
    menu.hidden = !open;
    menuButton.setAttribute('aria-expanded', String(open));
    if (open) menu.querySelector('[role="menuitem"]').focus();
  }

  if (menuButton) {
    menuButton.addEventListener('click', function () { openMenu(menu.hidden); });
    menu.addEventListener('keydown', function (event) {
      var items = Array.prototype.slice.call(menu.querySelectorAll('[role="menuitem"]'));
      var at = items.indexOf(document.activeElement);
      if (event.key === 'Escape') { openMenu(false); menuButton.focus(); }
      if (event.key === 'ArrowDown') { event.preventDefault(); items[(at + 1) % items.length].focus(); }
      if (event.key === 'ArrowUp') { event.preventDefault(); items[(at - 1 + items.length) % items.length].focus(); }
    });
    menu.addEventListener('click', function (event) {
      var item = event.target.closest('[role="menuitem"]');
      if (!item) return;
      openMenu(false);
      say('');
      request('POST', '/room/menu', { functionName: item.getAttribute('data-function') }).then(function (answer) {
        if (!answer.ok) say(answer.error.message, true);
        return afterRun(answer.shown, answer.activated);
      });
    });
    document.addEventListener('click', function (event) {
      if (!menu.hidden && !event.target.closest('.menubar')) openMenu(false);
    });
  }

  // ---- what arrives meanwhile (batches from the extension, other executions)
  setInterval(function () {
    request('GET', '/room/state').then(function (answer) {
      if (!answer.ok) say(answer.error.message, true);
      else if (answer.version !== version && !editing) loadTab();
    });
  }, 1000);
  request('GET', '/room/state').then(function (answer) { version = answer.version; });
  if (table()) select({ row: 1, column: 1 }); // the tab on show is the active sheet
})();
