// A private facilitator link opened from another site arrives without the facilitator cookie: reload it once from
// this page, so the request comes from our own origin and carries the cookie (src/lib/server/private-link.ts).
location.replace(location.href);
