// google.script for the add-on's own sidebar and dialog HTML in the local room: run calls the add-on's functions over POST /room/run.
(function () {
  'use strict';
  var me = document.currentScript;
  var ui = Number(me.getAttribute('data-ui'));
  var names = (me.getAttribute('data-functions') || '').split(' ').filter(Boolean);

  function tell(message) {
    if (window.parent !== window) window.parent.postMessage(message, location.origin);
  }

  function call(name, args, success, failure, userObject) {
    var fail = function (error) {
      if (failure) failure(error, userObject);
      else console.error(error);
    };
    fetch('/room/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-annotera-room': '1' },
      body: JSON.stringify({ name: name, args: args }),
    }).then(function (response) { return response.json(); }).then(function (answer) {
      tell({ annotera: 'ran', shown: answer.shown || [], activated: answer.activated || null });
      if (!answer.ok) return fail(new Error(answer.error.message));
      if (success) success(answer.value, userObject);
    }, fail);
  }

  /** A google.script.run: each exposed function by name, and the with… methods that return a new runner. */
  function runner(success, failure, userObject) {
    var run = {
      withSuccessHandler: function (handler) { return runner(handler, failure, userObject); },
      withFailureHandler: function (handler) { return runner(success, handler, userObject); },
      withUserObject: function (object) { return runner(success, failure, object); },
    };
    names.forEach(function (name) {
      run[name] = function () { call(name, Array.prototype.slice.call(arguments), success, failure, userObject); };
    });
    return run;
  }

  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: {
      origin: location.origin,
      close: function () { tell({ annotera: 'close', ui: ui }); },
      setHeight: function () {},
      setWidth: function () {},
      editor: { focus: function () {} },
    },
  };
})();
