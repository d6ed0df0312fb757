/*
 * Web chat page. Plain JavaScript, no libraries, nothing from other sites.
 * The server holds the conversation; this page keeps only a random session secret in
 * localStorage, so a reload (or coming back days later) carries on where the person left off.
 * Nothing here is sent anywhere but this server, and nothing is tracked.
 */
(function () {
  'use strict';

  var SESSION_KEY = 'chinwag.web.session';
  var SESSION_HEADER = 'X-Chinwag-Session';
  var POLL_MS = 4000;
  var KIOSK_IDLE_MS = 5 * 60 * 1000;

  var params = new URLSearchParams(window.location.search);
  var eventCode = cleanCode(params.get('code'));
  var kiosk = params.has('kiosk') && params.get('kiosk') !== '0';
  var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  var el = {
    main: document.getElementById('main'),
    log: document.getElementById('log'),
    typing: document.getElementById('typing'),
    form: document.getElementById('composer'),
    input: document.getElementById('message'),
    send: document.getElementById('send'),
    status: document.getElementById('status'),
    startAgain: document.getElementById('start-again'),
    confirm: document.getElementById('confirm-reset'),
    confirmYes: document.getElementById('confirm-yes'),
    confirmNo: document.getElementById('confirm-no')
  };

  var state = {
    session: null,
    lastId: 0,        // the newest transcript id on screen
    lastItem: null,   // the newest transcript item, to know whether its buttons still apply
    busy: false,      // a message is on its way; one at a time keeps the order
    retry: null,      // {text, id} of a message that failed, resent with the same id so it is stored once
    connectError: false, // the notice on screen is about the connection, so a good poll can clear it
    pollTimer: null,
    lastActivity: Date.now()
  };

  // ---- talking to the server ----

  function api(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (state.session) headers[SESSION_HEADER] = state.session;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(path, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit'
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var error = new Error(data && data.error && data.error.message ? data.error.message : 'HTTP ' + response.status);
          error.status = response.status;
          throw error;
        }
        return data;
      });
    });
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function cleanCode(raw) {
    if (!raw) return null;
    var code = raw.trim();
    return /^[A-Za-z0-9_-]{1,64}$/.test(code) ? code : null;
  }

  function loadSession() {
    try { return window.localStorage.getItem(SESSION_KEY); } catch (e) { return null; }
  }

  function saveSession(secret) {
    state.session = secret;
    try {
      if (secret) window.localStorage.setItem(SESSION_KEY, secret);
      else window.localStorage.removeItem(SESSION_KEY);
    } catch (e) { /* private browsing: the chat still works until the page closes */ }
  }

  /**
   * A new resident: a new session, then "/start" with the event code from a join link, or the
   * person's own "/start ..." when that is what they typed.
   */
  function startNewChat(typedStart, id) {
    clearScreen();
    setBusy(true);
    return api('POST', '/chat/api/session').then(function (data) {
      saveSession(data.session);
      var opening = typedStart || (eventCode ? '/start ' + eventCode : '/start');
      return post({ id: id, text: opening }, null);
    }, function (error) {
      setBusy(false);
      throw error;
    });
  }

  /** Sends one message and shows the replies that come back with it. */
  function post(content, shownText) {
    var message = Object.assign({}, content, { id: content.id || newId(), after: state.lastId });
    var pending = shownText ? showPending(shownText) : null;
    setBusy(true);
    var shownBefore = state.lastId;
    return api('POST', '/chat/api/messages', message).then(function (data) {
      var echoed = (data.messages || []).some(function (item) { return item.from === 'you' && item.id > shownBefore; });
      // someone who declines is not kept, so no copy of their words comes back: leave them on screen
      if (pending && !echoed && !data.session_ended) keepOnScreen(pending);
      else if (pending) pending.remove();
      render(data.messages);
      if (data.session_ended) endSession();
    }, function (error) {
      if (pending) pending.remove();
      throw error;
    }).finally(function () {
      setBusy(false);
    });
  }

  function refresh() {
    var resuming = state.lastId === 0;
    return api('GET', '/chat/api/messages?after=' + state.lastId).then(function (data) {
      render(data.messages, resuming);
    });
  }

  // ---- what the person does ----

  function sendTyped(event) {
    event.preventDefault();
    if (state.busy) return;
    var text = el.input.value.trim();
    if (!text) {
      showStatus('Type a message first, then choose Send.', true);
      el.input.focus();
      return;
    }
    var id = state.retry && state.retry.text === text ? state.retry.id : newId();
    state.retry = { text: text, id: id };
    el.input.value = '';
    fitInput();
    clearStatus();
    var sending = !state.session && /^\/start\b/i.test(text)
      ? startNewChat(text, id) // no chat yet and they asked to start one: don't start it twice
      : withSession().then(function () { return post({ id: id, text: text }, text); });
    sending.then(function () {
      state.retry = null;
    }).catch(function (error) {
      // never lose what someone typed: put it back, ahead of anything typed since
      el.input.value = el.input.value ? text + '\n' + el.input.value : text;
      fitInput();
      failed(error, 'Your message is still in the box.');
    });
  }

  function pressChoice(button, group) {
    if (state.busy) return;
    var value = button.getAttribute('data-value');
    var label = button.textContent;
    group.hidden = true;
    clearStatus();
    withSession().then(function () {
      return post({ button: { value: value, label: label } }, label);
    }).then(function () {
      focusAfterPress(value);
    }).catch(function (error) {
      group.hidden = false;
      button.focus();
      failed(error, 'Please choose again.');
    });
  }

  /**
   * Where the keyboard goes once the answer to a press is on screen: the same button again when it
   * is offered again (picking several themes), the first real choice when only buttons will do,
   * and otherwise the message box. Never a Skip button: someone who starts typing would press it
   * with their first space, and the rest of the answer would land on the next question.
   */
  function focusAfterPress(pressedValue) {
    var offered = Array.prototype.slice.call(el.log.querySelectorAll('.choices button'));
    var same = offered.filter(function (b) { return b.getAttribute('data-value') === pressedValue; })[0];
    var choices = offered.filter(function (b) { return !isSkip(b.getAttribute('data-value')); });
    var typingExpected = !offered.length || choices.length < offered.length;
    var target = same || (typingExpected ? el.input : choices[0]);
    target.focus({ preventScroll: true });
  }

  /** A Skip button means the question wants typed words and Skip is the way out. */
  function isSkip(value) {
    return value === 'skip' || /:skip$/.test(value || '');
  }

  /** The session to use, making a new chat first if there is none (e.g. after /forget). */
  function withSession() {
    return state.session ? Promise.resolve() : startNewChat();
  }

  /** Says politely what went wrong; {@code next} tells the person what to do now. */
  function failed(error, next) {
    if (error && error.status === 401) {
      // the server no longer knows this session (deleted, or expired): begin afresh
      saveSession(null);
      showStatus('That chat has ended, so we have started a new one. ' + next, true);
      startNewChat().catch(function () { /* the next send tries again */ });
      return;
    }
    state.connectError = !(error && error.status);
    showStatus(explain(error) + ' ' + next, true);
  }

  function explain(error) {
    var status = error && error.status;
    if (status === 400) return error.message;
    if (status === 413) return 'That message is too long. Please make it shorter, or send it in parts.';
    if (status === 429) return error.message;
    if (status && status >= 500) return 'Sorry, something went wrong on our side. Please try again in a moment.';
    return 'Sorry, we could not send that. Please check your connection and try again.';
  }

  function askToStartAgain() {
    el.confirm.hidden = false;
    el.startAgain.setAttribute('aria-expanded', 'true');
    el.confirmYes.focus();
  }

  function closeConfirm(focusBack) {
    el.confirm.hidden = true;
    el.startAgain.setAttribute('aria-expanded', 'false');
    if (focusBack) el.startAgain.focus();
  }

  /** Kiosk "new person": forget this browser's session so the next person starts fresh. */
  function startAgain() {
    closeConfirm(false);
    saveSession(null);
    state.retry = null;
    el.input.value = '';
    fitInput();
    clearStatus();
    startNewChat().catch(failed).then(function () { el.input.focus(); });
  }

  function endSession() {
    saveSession(null);
    showStatus('Your chat has ended. If you type a new message, a new chat will start.', false);
  }

  // ---- drawing the conversation ----

  /** {@code resuming}: the page was (re)opened on a chat under way, so show where it is now. */
  function render(items, resuming) {
    if (!items || !items.length) return;
    var added = false;
    var firstNew = null;
    items.forEach(function (item) {
      if (item.id <= state.lastId) return; // already shown (a poll and a send can overlap)
      state.lastId = item.id;
      state.lastItem = item;
      added = true;
      if (item.from === 'you') removePending();
      // the "/start CODE" the page sent for the person is not something they typed
      if (item.from === 'you' && item.kind === 'command' && /^\/start\b/i.test(item.text)) return;
      var shown = el.log.appendChild(messageElement(item));
      firstNew = firstNew || shown;
    });
    if (!added) return;
    showChoices();
    if (resuming) scrollMainTo(el.main.scrollHeight, 'auto');
    else reveal(firstNew);
  }

  /**
   * Brings new messages into view: the end of the conversation, so the newest question and its
   * buttons are in sight; but when what arrived is taller than the screen and asks for no choice,
   * its start, so a long message (/help, /mydata) is read from its beginning. Only the message
   * area scrolls, never the page, so the header and the message box stay put.
   */
  function reveal(firstNew) {
    var end = el.log.lastElementChild;
    if (!end) return;
    var behavior = reduceMotion ? 'auto' : 'smooth';
    var choices = !!el.log.querySelector('.choices');
    var tall = firstNew && end.getBoundingClientRect().bottom - firstNew.getBoundingClientRect().top > el.main.clientHeight;
    if (tall && !choices && firstNew === el.log.firstElementChild) scrollMainTo(0, behavior); // keep the intro
    else if (tall && !choices) scrollMainTo(offsetInMain(firstNew), behavior);
    else scrollMainTo(el.main.scrollHeight, behavior);
  }

  function offsetInMain(element) {
    return element.getBoundingClientRect().top - el.main.getBoundingClientRect().top + el.main.scrollTop;
  }

  function scrollMainTo(top, behavior) {
    el.main.scrollTo({ top: Math.max(0, top), behavior: behavior });
  }

  function messageElement(item) {
    var wrapper = document.createElement('div');
    wrapper.className = 'msg ' + (item.from === 'bot' ? 'bot' : 'you');
    wrapper.setAttribute('data-id', item.id);
    var who = document.createElement('span');
    who.className = 'visually-hidden';
    who.textContent = item.from === 'bot' ? 'The chat said: ' : 'You said: ';
    var text = document.createElement('p');
    text.className = 'text';
    text.appendChild(who);
    if (item.from === 'bot') appendWithLinks(text, item.text);
    else text.appendChild(document.createTextNode(item.text));
    wrapper.appendChild(text);
    wrapper._buttons = item.buttons || [];
    return wrapper;
  }

  /**
   * Phone numbers in the bot's words become links a phone can call or text: "text SHOUT to 85258"
   * opens a text with the word filled in; 999, NHS 111, 116 123 and UK numbers starting 0 are
   * calls. Built as text nodes and anchors, so nothing in a message is ever read as HTML.
   */
  var KEYWORD_GAP = '((?:(?!\\b[A-Z]{3,}\\b)[^\\d\\n]){1,30}?)'; // a few words, no other capitalised word
  var SHORT_CODE = '(?<![\\w-])(\\d{5})(?![\\w-])';
  var LINKS = [
    { pattern: new RegExp('\\b([A-Z]{3,})\\b' + KEYWORD_GAP + SHORT_CODE), // "SHOUT to 85258"
      href: function (m) { return 'sms:' + m[3] + '?body=' + encodeURIComponent(m[1]); } },
    { pattern: new RegExp(SHORT_CODE + KEYWORD_GAP + '\\b([A-Z]{3,})\\b'), // "85258 ... SHOUT", in some languages
      href: function (m) { return 'sms:' + m[1] + '?body=' + encodeURIComponent(m[3]); } },
    { pattern: /(?<![\w\/.-])(999|111|116 ?\d{3}|0\d{2,4}(?: \d{3,6}){1,2}|0\d{9,10})(?![\w\/-])/,
      href: function (m) { return 'tel:' + m[1].replace(/ /g, ''); } }
  ];

  function appendWithLinks(parent, text) {
    var rest = text;
    for (;;) {
      var first = null;
      LINKS.forEach(function (kind) {
        var match = kind.pattern.exec(rest);
        if (match && (!first || match.index < first.match.index)) first = { match: match, kind: kind };
      });
      if (!first) break;
      parent.appendChild(document.createTextNode(rest.slice(0, first.match.index)));
      parent.appendChild(link(first.kind.href(first.match), first.match[0]));
      rest = rest.slice(first.match.index + first.match[0].length);
    }
    parent.appendChild(document.createTextNode(rest));
  }

  function link(href, words) {
    var a = document.createElement('a');
    a.href = href;
    a.textContent = words;
    return a;
  }

  /** Only the newest bot message's buttons apply; older ones are taken away. */
  function showChoices() {
    Array.prototype.forEach.call(el.log.querySelectorAll('.choices'), function (old) { old.remove(); });
    var item = state.lastItem;
    if (!item || item.from !== 'bot' || !item.buttons || !item.buttons.length) return;
    var owner = el.log.querySelector('.msg[data-id="' + item.id + '"]');
    if (!owner) return;
    var group = document.createElement('div');
    group.className = 'choices';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', 'Choose an answer, or type your own');
    item.buttons.forEach(function (choice) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = choice.label;
      button.setAttribute('data-value', choice.value);
      button.addEventListener('click', function () { pressChoice(button, group); });
      group.appendChild(button);
    });
    owner.appendChild(group);
  }

  function showPending(text) {
    removePending();
    var item = messageElement({ id: 'pending', from: 'you', text: text });
    item.classList.add('sending');
    item.setAttribute('aria-hidden', 'true'); // announced once the server has it
    el.log.appendChild(item);
    scrollToEnd();
    return item;
  }

  function keepOnScreen(pending) {
    pending.classList.remove('sending');
    pending.removeAttribute('aria-hidden');
    pending.setAttribute('data-id', 'unsaved');
  }

  function removePending() {
    var pending = el.log.querySelector('.msg.sending');
    if (pending) pending.remove();
  }

  function clearScreen() {
    el.log.textContent = '';
    state.lastId = 0;
    state.lastItem = null;
  }

  function scrollToEnd() {
    scrollMainTo(el.main.scrollHeight, reduceMotion ? 'auto' : 'smooth');
  }

  function setBusy(busy) {
    state.busy = busy;
    el.send.disabled = busy;
    el.typing.hidden = !busy;
    if (busy) scrollToEnd();
  }

  function showStatus(message, isError) {
    el.status.textContent = message;
    el.status.classList.toggle('error', !!isError);
  }

  function clearStatus() {
    showStatus('', false);
  }

  function fitInput() {
    el.input.style.height = 'auto';
    el.input.style.height = Math.min(el.input.scrollHeight + 4, 9 * 18 * (kiosk ? 1.25 : 1)) + 'px';
  }

  // ---- replies that arrive later ----

  function schedulePoll() {
    window.clearTimeout(state.pollTimer);
    state.pollTimer = window.setTimeout(poll, POLL_MS);
  }

  function poll() {
    var due = document.visibilityState === 'visible' && state.session && !state.busy;
    var work = due ? refresh().then(reconnected) : Promise.resolve();
    work.catch(function (error) {
      if (error && error.status === 401) endSession();
      // otherwise stay quiet: the next poll tries again, and sending shows its own errors
    }).then(schedulePoll);
  }

  /** The connection is back: take away the "could not connect" notice. */
  function reconnected() {
    if (!state.connectError) return;
    state.connectError = false;
    clearStatus();
  }

  // ---- kiosk: a forgotten chat clears itself for the next person ----

  function noteActivity() { state.lastActivity = Date.now(); }

  function checkIdle() {
    var someoneSpoke = !!el.log.querySelector('.msg.you');
    if (someoneSpoke && !state.busy && Date.now() - state.lastActivity > KIOSK_IDLE_MS) {
      noteActivity();
      startAgain();
    }
  }

  // ---- start ----

  function begin() {
    state.session = loadSession();
    var opening = state.session
      ? refresh().catch(function (error) {
        if (error && error.status === 401) { saveSession(null); return startNewChat(); }
        throw error;
      })
      : startNewChat();
    opening.catch(function () {
      state.connectError = true;
      showStatus('Sorry, we could not connect to the chat. Please check your connection. You can still type a message and send it.', true);
    }).then(schedulePoll);
  }

  if (kiosk) {
    // only a shared screen has a "next person"; on someone's own phone it would only confuse
    el.startAgain.hidden = false;
    document.documentElement.classList.add('kiosk');
    ['pointerdown', 'keydown', 'input'].forEach(function (type) { document.addEventListener(type, noteActivity, true); });
    window.setInterval(checkIdle, 15000);
  }

  el.form.addEventListener('submit', sendTyped);
  el.input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey && !event.isComposing) {
      event.preventDefault();
      if (el.form.requestSubmit) el.form.requestSubmit(); else el.send.click();
    }
  });
  el.input.addEventListener('input', fitInput);
  el.startAgain.addEventListener('click', askToStartAgain);
  el.confirmYes.addEventListener('click', startAgain);
  el.confirmNo.addEventListener('click', function () { closeConfirm(true); });
  el.confirm.addEventListener('keydown', function (event) { if (event.key === 'Escape') closeConfirm(true); });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') poll();
  });

  begin();
})();
