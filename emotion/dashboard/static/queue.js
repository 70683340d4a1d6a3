// The handoff queue in every page's header: the count of open handoffs follows the server's
// events (/handoffs/queue/events); a new handoff (a new crisis), or a new alert that a claimed
// handoff is silent while the person is still at risk, or a person this supervisor helped coming back
// (a new handoff after the one they resolved), raises an opt-in browser notification and is announced
// to screen readers.
"use strict";

(() => {
  const badge = document.getElementById("queue-count");
  const notify = document.getElementById("notify");
  if (!badge || !window.EventSource) return;
  let newest = Number(badge.dataset.newest || 0);
  let silentAt = badge.dataset.silentAt || "";
  let returned = Number(badge.dataset.returned || 0);
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
    const needed = q.waiting + (q.silent || 0);
    badge.textContent = `${q.waiting} waiting` + (q.silent ? `, ${q.silent} claimed but silent` : "");
    badge.classList.toggle("waiting", needed > 0);
    document.title = needed ? `(${needed}) ${title}` : title;
    if (q.silent_at && q.silent_at > silentAt) {
      silentAt = q.silent_at;
      badge.setAttribute("role", "alert"); // read out once: a claimed person is still at risk and nobody has written
      if (window.Notification && Notification.permission === "granted") {
        new Notification("Claimed, but nobody has written: the person is still at risk",
                         { body: "Write to them now, or take the handoff over from the queue.", tag: `silent-${q.silent_at}` });
      }
    }
    if (q.returned_id && q.returned_id > returned) {
      returned = q.returned_id;
      badge.setAttribute("role", "alert"); // read out once: offered first to the one who helped them before
      if (window.Notification && Notification.permission === "granted") {
        const note = new Notification("A person you helped came back", { body: `Handoff #${q.returned_id}: claim it if you can.`,
                                                                         tag: `returned-${q.returned_id}` });
        note.onclick = () => { window.focus(); location.href = `/handoffs/${q.returned_id}`; };
      }
    }
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
