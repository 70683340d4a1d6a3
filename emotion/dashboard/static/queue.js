// The handoff queue in every page's header: the count of open handoffs follows the server's
// events (/handoffs/queue/events); a new handoff (a new crisis) raises an opt-in browser
// notification and is announced to screen readers.
"use strict";

(() => {
  const badge = document.getElementById("queue-count");
  const notify = document.getElementById("notify");
  if (!badge || !window.EventSource) return;
  let newest = Number(badge.dataset.newest || 0);
  const title = document.title;

  if (window.Notification && Notification.permission === "default") {
    notify.hidden = false;
    notify.addEventListener("click", async () => {
      await Notification.requestPermission();
      notify.hidden = Notification.permission !== "default";
    });
  }

  const source = new EventSource(badge.dataset.events);
  source.addEventListener("queue", (event) => {
    const q = JSON.parse(event.data);
    badge.textContent = `${q.waiting} waiting`;
    badge.classList.toggle("waiting", q.waiting > 0);
    document.title = q.waiting ? `(${q.waiting}) ${title}` : title;
    if (q.newest_id > newest) {
      newest = q.newest_id;
      badge.setAttribute("role", "alert"); // read out once: a new handoff came in
      if (window.Notification && Notification.permission === "granted") {
        const note = new Notification("New handoff: a person needs someone", { body: q.newest_reason, tag: `handoff-${q.newest_id}` });
        note.onclick = () => { window.focus(); location.href = `/handoffs/${q.newest_id}`; };
      }
    }
  });
})();
