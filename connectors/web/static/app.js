// emobot web chat: text, push-to-talk voice clips and camera snapshots, sent to the
// emobot_web Rasa channel (same origin: this page is served by the channel itself).
//
// The conversation is a server-issued session (POST session sets an HttpOnly cookie), so a
// reload shows the conversation so far and keeps a running handoff. Messages pushed outside a
// reply (a person from the team writing, the bot's notices) are polled from pushed?after=N:
// every POLL_HANDOFF_MS while a handoff runs, every POLL_IDLE_MS otherwise.
//
// A turn is always sent; media only rides along. Capturing a snapshot waits at most
// SNAPSHOT_TIMEOUT_MS, and an upload with media that does not answer within
// MEDIA_UPLOAD_TIMEOUT_MS is sent again as text alone, so a slow camera or network never
// holds the user's words back.
"use strict";

(() => {
  const BASE = new URL(".", location.href).href; // .../webhooks/emobot_web/
  const SNAPSHOT_TIMEOUT_MS = 1500;
  const MEDIA_UPLOAD_TIMEOUT_MS = 20000;
  const TEXT_TIMEOUT_MS = 60000;
  const MAX_CLIP_MS = 15000; // the service cuts longer clips anyway
  const SNAPSHOT_WIDTH = 480;
  const POLL_HANDOFF_MS = 1000;
  const POLL_IDLE_MS = 5000;

  const $ = (id) => document.getElementById(id);
  const log = $("log"), form = $("composer"), input = $("message"), talk = $("talk");
  const video = $("camera"), mediaStatus = $("media-status"), dialog = $("consent"), typing = $("typing");
  const TAP_MS = 350; // a press shorter than this on "Talk" toggles recording instead of holding

  let cursor = 0; // the newest pushed message shown
  let handoffRunning = false;
  let consent = null; // {text, audio, face}: the session's own, as the service recorded it
  let micStream = null, camStream = null, recorder = null, chunks = [], recordStart = 0;
  let pendingSnapshots = [];


  // ---- conversation log -------------------------------------------------------------
  // who: user | bot | human | greeting; at: when it was said (a Date; now by default)
  function addMessage(who, text, extra, at = new Date()) {
    const item = document.createElement("div");
    item.className = who === "greeting" ? "msg bot greeting" : `msg ${who}`;
    const label = document.createElement("span");
    label.className = who === "human" ? "who" : "visually-hidden";
    label.textContent = { bot: "Bot says: ", greeting: "Bot says: ", human: "A person from our team says: " }[who]
      || "You said: ";
    item.append(label);
    const body = document.createElement("p");
    if (who === "user") body.textContent = text; else appendWithLinks(body, text);
    item.append(body);
    if (extra) item.append(extra);
    const time = document.createElement("time");
    time.dateTime = at.toISOString();
    time.textContent = at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    item.append(time);
    log.append(item);
    log.scrollTop = log.scrollHeight;
    return item;
  }

  // [label](https:|tel:|sms: target), a bare https:// address and a phone number after "call",
  // "text", "dial" or "on" become links; everything else stays text
  const LINK = new RegExp([
    /\[([^\]]{1,200})\]\(((?:https:\/\/|tel:|sms:)[^)\s]{1,500})\)/.source,
    /(https:\/\/[^\s<>()]{1,500}[^\s<>().,;:!?])/.source,
    /(?<=\b(?:call|text|dial|phone|ring|on|at)(?: or text)? )(\+?\d[\d ]{1,14}\d|\d{3,})\b/.source,
  ].join("|"), "gi");
  function link(href, label) {
    const a = document.createElement("a");
    a.href = href; a.textContent = label;
    if (href.startsWith("https:")) { a.target = "_blank"; a.rel = "noopener noreferrer"; }
    return a;
  }
  function appendWithLinks(parent, text) {
    let last = 0;
    for (const m of text.matchAll(LINK)) {
      parent.append(text.slice(last, m.index));
      if (m[1]) parent.append(link(m[2], m[1]));
      else if (m[3]) parent.append(link(m[3], m[3]));
      else parent.append(link(`tel:${m[4].replace(/ /g, "")}`, m[4]));
      last = m.index + m[0].length;
    }
    parent.append(text.slice(last));
  }

  function showBotMessages(messages) {
    for (const m of messages) {
      let buttons = null;
      if (Array.isArray(m.buttons) && m.buttons.length) {
        buttons = document.createElement("div");
        buttons.className = "buttons";
        buttons.setAttribute("role", "group");
        buttons.setAttribute("aria-label", "Suggested answers");
        for (const b of m.buttons) {
          const button = document.createElement("button");
          button.type = "button";
          button.textContent = b.title;
          button.addEventListener("click", () => sendTurn(b.title, { payload: b.payload }));
          buttons.append(button);
        }
      }
      if (m.text || buttons) addMessage("bot", m.text || "", buttons);
      if (m.image) {
        const img = document.createElement("img");
        img.src = m.image; img.alt = "Image sent by the bot";
        addMessage("bot", "", img);
      }
    }
  }

  const MODALITY_NAMES = { text: "text", audio: "voice", face: "face" };
  // the common labels in plain words (emotion/config/labels.yaml)
  const FEELINGS = { neutral: "calm or neutral", joy: "happy", sadness: "sad", anger: "angry or annoyed",
                     fear: "worried or afraid", disgust: "put off", surprise: "surprised" };

  // a message that carries crisis risk gets no mood chip: "I picked up: happy" under a spoken plan
  // (seventh reading, L4) is the wrong thing to show; the bot's answer speaks to it
  function atRisk(emotion) {
    const crisis = emotion && emotion.derived && emotion.derived.crisis;
    return Boolean(crisis && (crisis.flag || crisis.level === "possible" || crisis.level === "high"));
  }

  // "I picked up: sad" under a message, with "That's not right" to say what it really was
  function pickedUp(emotion) {
    const turn = emotion && emotion.available !== false && emotion.turn;
    if (!turn || !FEELINGS[turn.label] || !Number.isInteger(emotion.turn_index) || atRisk(emotion)) return null;
    const chip = document.createElement("div");
    chip.className = "picked";
    const said = document.createElement("span");
    said.textContent = `I picked up: ${FEELINGS[turn.label]}`;
    const wrong = document.createElement("button");
    wrong.type = "button"; wrong.className = "link small"; wrong.textContent = "That's not right";
    chip.append(said, " ", wrong);
    wrong.addEventListener("click", () => {
      wrong.remove();
      const form = document.createElement("form");
      form.className = "correction";
      const id = `feeling-${emotion.turn_index}`;
      const label = document.createElement("label");
      label.htmlFor = id; label.textContent = "What were you feeling?";
      const select = document.createElement("select");
      select.id = id;
      for (const [value, words] of Object.entries(FEELINGS)) {
        if (value !== turn.label) select.append(new Option(words, value));
      }
      const send = document.createElement("button");
      send.type = "submit"; send.className = "small"; send.textContent = "Tell the bot";
      const status = document.createElement("span");
      status.setAttribute("role", "status");
      form.append(label, " ", select, " ", send, " ", status);
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        try {
          const res = await fetch(`${BASE}feedback`, {
            method: "POST", headers: { "Content-Type": "application/json" }, credentials: "same-origin",
            body: JSON.stringify({ turn_index: emotion.turn_index, label: select.value }),
          });
          if (!res.ok) throw new Error(`the server answered ${res.status}`);
          form.replaceWith(Object.assign(document.createElement("span"), { textContent: "Thanks, noted." }));
        } catch (err) {
          status.textContent = `Not saved (${err.message}); try again.`;
        }
      });
      chip.append(form);
      select.focus();
    });
    return chip;
  }

  function describeEmotion(emotion) {
    if (!emotion) return "";
    if (emotion.available === false && emotion.error) return "emotion not read";
    const used = (emotion.modalities_used || []).map((m) => MODALITY_NAMES[m] || m);
    return used.length ? `emotion read from: ${used.join(", ")}` : "emotion not read";
  }

  // ---- sending a turn ---------------------------------------------------------------
  async function post(body, timeoutMs) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const init = { method: "POST", body, signal: abort.signal };
      if (typeof body === "string") init.headers = { "Content-Type": "application/json" };
      init.credentials = "same-origin";
      const res = await fetch(`${BASE}webhook?emotion=true`, init);
      if (!res.ok) throw await refusal(res);
      return await res.json();
    } finally {
      clearTimeout(timer);
    }
  }

  // a refused turn: its message, and the help line the server adds (413 turn_too_large)
  async function refusal(res) {
    const err = new Error(`the server answered ${res.status}`);
    try {
      const body = await res.json();
      if (body && body.error) {
        if (typeof body.error.message === "string") err.message = body.error.message;
        if (typeof body.error.help === "string") err.help = body.error.help;
      }
    } catch (ignored) {
      // not JSON: the status alone
    }
    return err;
  }

  function textBody(message) {
    return JSON.stringify({ message, metadata: { locale: navigator.language || "" } });
  }

  async function sendTurn(text, { payload = null, audio = null, images = [] } = {}) {
    const message = payload || text;
    const shown = text || (audio ? "Voice message" : "");
    const mine = addMessage("user", shown);
    const note = document.createElement("small");
    note.className = "note";
    note.textContent = "sending…";
    mine.append(note);
    const hasMedia = audio || images.length;
    let answer;
    typing.hidden = false;
    try {
      if (hasMedia) {
        const data = new FormData();
        data.append("locale", navigator.language || "");
        data.append("message", message);
        if (audio) data.append("audio", audio, `turn.${audio.type.includes("ogg") ? "ogg" : "webm"}`);
        images.forEach((image, i) => data.append("images", image, `snapshot-${i}.jpg`));
        try {
          answer = await post(data, MEDIA_UPLOAD_TIMEOUT_MS);
        } catch (err) {
          if (!message) throw err;
          note.textContent = "media upload failed; sending the text alone…";
          answer = await post(textBody(message), TEXT_TIMEOUT_MS);
        }
      } else {
        answer = await post(textBody(message), TEXT_TIMEOUT_MS);
      }
    } catch (err) {
      note.textContent = `not delivered (${err.message || err}); please try again`;
      note.classList.add("error");
      if (err.help) addMessage("bot", err.help); // where to get help now, even for a refused message
      return;
    } finally {
      typing.hidden = true;
    }
    if (audio && !text && answer.text) mine.querySelector("p").textContent = `Voice message: “${answer.text}”`;
    note.textContent = describeEmotion(answer.emotion);
    const chip = pickedUp(answer.emotion);
    if (chip) mine.append(chip);
    showBotMessages(answer.messages || []);
    poll(); // an escalation starts a handoff: look for it now
  }

  // ---- the server-issued session, its history, and pushed messages -------------------
  async function getJSON(path, init = {}) {
    const res = await fetch(`${BASE}${path}`, { credentials: "same-origin", ...init });
    if (!res.ok) throw new Error(`the server answered ${res.status}`);
    return res.json();
  }

  let pollTimer = null;
  async function poll() {
    clearTimeout(pollTimer);
    try {
      const pushed = await getJSON(`pushed?after=${cursor}`);
      for (const m of pushed.messages || []) {
        addMessage(m.kind === "supervisor" ? "human" : "bot", m.text);
        cursor = Math.max(cursor, m.id);
      }
      const handoff = pushed.handoff;
      handoffRunning = !!handoff && handoff.status !== "resolved";
    } catch (err) {
      // the next poll tries again; the conversation itself goes on through the webhook
    }
    pollTimer = setTimeout(poll, handoffRunning ? POLL_HANDOFF_MS : POLL_IDLE_MS);
  }

  async function startSession() {
    try {
      const session = await getJSON("session", { method: "POST" });
      const page = session.page || {};
      if (page.title) { $("title").textContent = page.title; document.title = page.title; }
      // the greeting in the browser's language where the bot has one (locale first: de-at, then de)
      const locale = (navigator.language || "").toLowerCase();
      const greetings = page.greetings || {};
      const greeting = greetings[locale] || greetings[locale.split("-")[0]] || page.greeting;
      if (greeting) addMessage("greeting", greeting);
      const past = await getJSON("history");
      for (const m of past.messages || []) {
        addMessage(["user", "human"].includes(m.who) ? m.who : "bot", m.text, null, m.at ? new Date(m.at * 1000) : new Date());
      }
      cursor = past.cursor || 0;
    } catch (err) {
      mediaStatus.textContent = `The conversation could not be restored (${err.message}); you can still write.`;
    }
    poll();
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text && !pendingSnapshots.length) return;
    input.value = "";
    const images = [...pendingSnapshots];
    pendingSnapshots = [];
    const snap = await snapshot();
    if (snap) images.push(snap);
    sendTurn(text, { images });
  });

  // ---- camera snapshots (getUserMedia -> canvas -> JPEG) ------------------------------
  function snapshot() {
    if (!camStream || !video.videoWidth) return Promise.resolve(null);
    const canvas = document.createElement("canvas");
    canvas.width = SNAPSHOT_WIDTH;
    canvas.height = Math.round((video.videoHeight / video.videoWidth) * SNAPSHOT_WIDTH);
    canvas.getContext("2d").drawImage(video, 0, 0, canvas.width, canvas.height);
    const blob = new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
    const late = new Promise((resolve) => setTimeout(() => resolve(null), SNAPSHOT_TIMEOUT_MS));
    return Promise.race([blob, late]);
  }

  async function startCamera() {
    try {
      camStream = await navigator.mediaDevices.getUserMedia({ video: { width: 640 }, audio: false });
      video.srcObject = camStream;
      video.hidden = false;
      await video.play();
    } catch (err) {
      camStream = null;
      video.hidden = true;
      deviceProblem("Camera unavailable (not allowed or not found): messages are sent without face snapshots.");
    }
  }

  // every device problem stays in view, not just the latest one
  function deviceProblem(message) {
    mediaStatus.textContent = [mediaStatus.textContent, message].filter(Boolean).join(" ");
  }

  function stopStream(stream) {
    if (stream) stream.getTracks().forEach((t) => t.stop());
  }

  // ---- push-to-talk microphone (MediaRecorder) ----------------------------------------
  async function startMicrophone() {
    if (!window.MediaRecorder) {
      deviceProblem("Voice messages are not supported by this browser: you can still type.");
      return;
    }
    try {
      micStream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
      talk.hidden = false;
    } catch (err) {
      micStream = null;
      talk.hidden = true;
      deviceProblem("Microphone unavailable (not allowed or not found): you can still type.");
    }
  }

  async function startTalking() {
    if (!micStream || recorder) return;
    chunks = [];
    const type = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm"]
      .find((t) => MediaRecorder.isTypeSupported(t));
    recorder = new MediaRecorder(micStream, type ? { mimeType: type } : undefined);
    recorder.ondataavailable = (e) => { if (e.data.size) chunks.push(e.data); };
    recorder.start();
    recordStart = performance.now();
    talk.setAttribute("aria-pressed", "true");
    talk.textContent = "Recording… tap or release to send";
    mediaStatus.textContent = "Recording.";
    const first = await snapshot(); // a face at the start of speaking and one at the end
    if (first) pendingSnapshots.push(first);
    const mine = recorder;
    setTimeout(() => { if (recorder === mine) stopTalking(); }, Math.max(0, MAX_CLIP_MS - (performance.now() - recordStart)));
  }

  async function stopTalking() {
    if (!recorder) return;
    const current = recorder;
    recorder = null;
    talk.setAttribute("aria-pressed", "false");
    talk.textContent = "Talk";
    const stopped = new Promise((resolve) => { current.onstop = resolve; });
    current.stop();
    await stopped;
    const audio = new Blob(chunks, { type: current.mimeType || "audio/webm" });
    mediaStatus.textContent = "";
    const images = [...pendingSnapshots];
    pendingSnapshots = [];
    const last = await snapshot();
    if (last) images.push(last);
    const text = input.value.trim();
    input.value = "";
    sendTurn(text, { audio: audio.size ? audio : null, images });
  }

  // Hold to talk (release sends), or tap to start and tap again to send. A press that ends
  // within TAP_MS is a tap: recording goes on until the next press.
  let pressedAt = 0, toggled = false;
  function press() {
    if (recorder && toggled) { toggled = false; stopTalking(); return; }
    pressedAt = performance.now();
    startTalking();
  }
  function release() {
    if (!recorder || toggled) return;
    if (performance.now() - pressedAt < TAP_MS) { toggled = true; return; }
    stopTalking();
  }
  talk.addEventListener("pointerdown", (e) => { e.preventDefault(); press(); });
  talk.addEventListener("pointerup", release);
  talk.addEventListener("pointerleave", () => { if (!toggled) release(); });
  talk.addEventListener("keydown", (e) => {
    if ((e.key === " " || e.key === "Enter") && !e.repeat) { e.preventDefault(); press(); }
  });
  talk.addEventListener("keyup", (e) => {
    if (e.key === " " || e.key === "Enter") { e.preventDefault(); release(); }
  });

  // ---- consent ----------------------------------------------------------------------
  async function applyConsent() {
    stopStream(micStream); micStream = null; talk.hidden = true;
    stopStream(camStream); camStream = null; video.hidden = true;
    mediaStatus.textContent = "";
    const media = navigator.mediaDevices && navigator.mediaDevices.getUserMedia;
    if ((consent.audio || consent.face) && !media) {
      mediaStatus.textContent = "This browser gives no access to a camera or microphone.";
      return;
    }
    if (consent.audio) await startMicrophone();
    if (consent.face) await startCamera();
  }

  function openConsent() {
    const current = consent || { text: false, audio: false, face: false };
    for (const m of ["text", "audio", "face"]) $(`consent-${m}`).checked = !!current[m];
    $("consent-status").textContent = "";
    input.disabled = true; // nothing typed while the choice is open: an Enter there saved the choice again, and the words were lost
    dialog.showModal();
  }
  dialog.addEventListener("close", () => { input.disabled = false; });

  $("consent-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const choice = { text: $("consent-text").checked, audio: $("consent-audio").checked,
                     face: $("consent-face").checked };
    const status = $("consent-status");
    status.textContent = "Saving…";
    try {
      await sessionReady; // the consent is the session's own
      const res = await fetch(`${BASE}consent`, {
        method: "POST", headers: { "Content-Type": "application/json" }, credentials: "same-origin",
        body: JSON.stringify(choice),
      });
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
    } catch (err) {
      // Without a recorded consent nothing but the text goes out, and the service decides.
      status.textContent = `Your choice could not be saved (${err.message}). Please try again.`;
      return;
    }
    consent = choice;
    dialog.close();
    await applyConsent();
    input.focus();
  });
  dialog.addEventListener("cancel", (e) => { if (!consent) e.preventDefault(); });
  $("privacy-open").addEventListener("click", openConsent);

  // the conversation (and its user) is the server-issued session; its consent is asked once
  const sessionReady = startSession();
  sessionReady.then(() => getJSON("consent")).then((recorded) => {
    const c = recorded.consent || {};
    if (["text", "audio", "face"].every((m) => typeof c[m] === "boolean")) {
      consent = c;
      applyConsent();
    } else {
      openConsent();
    }
  }).catch(() => openConsent());
})();
