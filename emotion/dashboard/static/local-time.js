// Every <time datetime> the server wrote in UTC, shown in the viewer's time zone with seconds.
"use strict";

(() => {
  const format = new Intl.DateTimeFormat(undefined, {
    year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    timeZoneName: "short",
  });
  for (const t of document.querySelectorAll("time[datetime]")) {
    const moment = new Date(t.dateTime);
    if (!Number.isNaN(moment.getTime())) { t.title = t.textContent; t.textContent = format.format(moment); }
  }
})();
