// The handoff's live thread: server-sent events from /handoffs/{id}/events append what the
// person writes, what the bot answers and the team's replies as they arrive.
"use strict";

(() => {
  const thread = document.getElementById("thread");
  const status = document.getElementById("handoff-status");
  if (!thread || !window.EventSource) return;
  const NAMES = { person: "Person", bot: "Bot", notice: "Bot (notice)", note: "Note (not sent)" };
  const source = new EventSource(`${thread.dataset.events}?after=${thread.dataset.after || 0}`);

  source.addEventListener("message", (event) => {
    const m = JSON.parse(event.data);
    const item = document.createElement("li");
    item.className = `thread-${m.kind}`;
    const when = document.createElement("span");
    when.className = "muted";
    when.textContent = new Date(m.at).toLocaleTimeString();
    const who = document.createElement("strong");
    who.textContent = NAMES[m.kind] || m.author;
    item.append(when, " ", who, m.text === null ? ": (withheld)" : `: ${m.text}`);
    thread.append(item);
  });
  source.addEventListener("status", (event) => {
    const now = JSON.parse(event.data).status;
    if (status && now && status.textContent !== now) status.textContent = now;
  });
})();
